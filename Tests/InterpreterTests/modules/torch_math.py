import torch

logits = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0]])
print(logits.softmax(dim=-1))
print(torch.softmax(logits, dim=-1))
print(torch.argmax(logits, dim=-1), torch.argmax(logits))
print(torch.exp(torch.tensor(2.0)), torch.tensor([0.0, 1.0]).exp())
print(logits.sum(), logits.mean(), logits.max(), torch.tensor([[1, 2], [3, 4]]).sum())
print(torch.tensor(2.5).exp().item() > 12)
print(torch.zeros(2, 3), torch.ones((2,), dtype=torch.long), torch.zeros(3, dtype=torch.int64))
print(torch.arange(5), torch.arange(2, 10, 3), torch.arange(3, dtype=torch.float32))
try:
    torch.tensor([1, 2]).mean()
except RuntimeError as e:
    print("RuntimeError:", e)
