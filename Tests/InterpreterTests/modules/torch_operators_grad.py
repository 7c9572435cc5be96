import torch
from transformers import AutoModelForCausalLM

# Arithmetic on a model's loss carries torch's grad_fn; comparisons and no_grad() do not.
model = AutoModelForCausalLM.from_pretrained("tiny-lm")
ids = torch.tensor([[5, 6, 7, 8]])
loss = model(input_ids=ids, labels=ids).loss
print(loss * 2, 2 * loss)
print(loss + 1, loss - 1, 10 - loss)
print(loss / 2, 12 / loss)
print(loss ** 2, 2 ** (loss / 4))
print(-loss, abs(-loss))
print(loss > 5, loss.requires_grad, (loss > 5).requires_grad)
print(loss // 2, loss % 2)
with torch.no_grad():
    print(loss * 2, (loss * 2).requires_grad)
