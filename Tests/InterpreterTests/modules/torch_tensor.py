import torch

t = torch.tensor([[1, 2, 3], [40, 5, -6]])
print(t)
print(t.shape, t.size(), t.size(0), t.size(-1), t.dtype, t.dim(), t.numel(), len(t))
print(t[0], t[1], t[-1, -1], t[0][1:], t[:, 1], t[1, ::2], t[0, 1].item())
print(t.tolist(), t[0].tolist(), t[1, 2].tolist())
print(t.argmax(dim=-1), t.argmax(), t.argmax(dim=0), t.argmax(-1, keepdim=True))
print(t.float())
print(t.float().long())
print(t.unsqueeze(0).shape, t.unsqueeze(-1).shape, t.unsqueeze(0).squeeze(0).shape)
print(t.view(3, 2))
print(t.reshape(-1))
print(t.to("cpu").shape, t.cpu().dtype, t.to(torch.float32).dtype)
for row in t:
    print(row)
print(torch.tensor(3), torch.tensor(2.5), torch.tensor([True, False]), torch.tensor([]))
print(torch.tensor([], dtype=torch.int64))
print(torch.tensor([1.5], dtype=torch.float16), torch.tensor([1, 2], dtype=torch.bfloat16))
print(torch.tensor([1, 2], dtype=torch.float32), torch.tensor([0.5, 1], dtype=torch.long))
print(torch.is_tensor(t), torch.is_tensor([1]))
try:
    t[2]
except IndexError as e:
    print("IndexError:", e)
try:
    torch.tensor([[1, 2], [3]])
except ValueError as e:
    print("ValueError:", e)
