import torch
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("tiny-lm")
ids = torch.tensor([[5, 6, 7, 8]])
out = model(input_ids=ids, labels=ids)
print(out.loss)
print(out.logits.shape)
model.eval()
print(model(input_ids=ids, labels=ids).loss)
with torch.no_grad():
    print(model(input_ids=ids, labels=ids).loss)
print(model(input_ids=ids).loss)
