# Next-token inspection: log_softmax and topk over the last dimension (function and method forms, and
# torch.nn.functional), torch.return_types.topk unpacking and repr, smallest-k, and grad_fn on outputs.
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer
tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
model = AutoModelForCausalLM.from_pretrained("tiny-lm")
t = torch.tensor([[0.5, 2.0, -1.0, 2.0, 0.25], [3.0, -2.0, 0.0, 1.0, 1.5]])
print(torch.topk(t, 2))
values, indices = t.topk(3, largest=False)
print(values, indices)
print(torch.log_softmax(t, dim=-1))
print(t.log_softmax(-1)[0, 1].item())
out = model(**tok("The quick brown", return_tensors="pt"))
top = torch.topk(torch.softmax(out.logits[0, -1], dim=-1), 4)
print(top.indices.tolist(), [round(v, 5) for v in top.values.tolist()], tok.convert_ids_to_tokens(top.indices.tolist()))
print(type(top).__name__, len(top), top[1].tolist() == top.indices.tolist())
print(out.logits.requires_grad, out.logits.grad_fn is not None, type(out.logits.grad_fn).__name__ != "NoneType")
with torch.no_grad():
    print(model(**tok("hi", return_tensors="pt")).logits.grad_fn)
import torch.nn.functional as F
from torch.nn import functional
print(F.softmax(t, dim=-1)[1], F.log_softmax(t[0], dim=0), functional.softmax(t[1], 0))
