import torch

g = torch.manual_seed(42)
print(type(g).__name__, g.initial_seed())
print(torch.initial_seed())
print(torch.cuda.is_available(), torch.cuda.device_count())
print(repr(torch.device("cpu")), torch.device("cpu").type, torch.device("cpu") == "cpu")
print(torch.device("cpu"), str(torch.device("cpu")), f"{torch.device('cpu')}")
with torch.no_grad():
    print("inside no_grad")

@torch.no_grad()
def predict(x):
    return x * 2

print(predict(21))
s = torch.tensor([[1, 2, 3]]).shape
print(s, s[0], s[-1], len(s), list(s), s == (1, 3), tuple(s))
a, b = s
print(a, b)
print(torch.Size([2, 3]))
