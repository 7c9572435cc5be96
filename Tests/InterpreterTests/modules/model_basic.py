# AutoModelForCausalLM on a tiny GPT-2: repr, parameter count, loss and logits, greedy
# generation, save_pretrained and reload.
import torch
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("tiny-model")
print(model)
print(model.num_parameters(), model.training)
ids = torch.tensor([[5, 6, 7, 8, 9], [9, 8, 7, 6, 5]])
with torch.no_grad():
    out = model(input_ids=ids, labels=ids)
print(round(out.loss.item(), 4), out.logits.shape)
print(out.logits[0, -1].argmax(-1).item(), out.logits[1, 2].argmax(-1).item())
print(model.generate(ids, max_new_tokens=6, do_sample=False).tolist())
model.eval()
print(model.training)
model.save_pretrained("_golden_tmp_model")
again = AutoModelForCausalLM.from_pretrained("_golden_tmp_model")
print(again.num_parameters())
import os
for name in sorted(os.listdir("_golden_tmp_model")):
    os.remove(os.path.join("_golden_tmp_model", name))
os.rmdir("_golden_tmp_model")
