# t.T: the dimensions reversed (a matrix transposed; 1-D unchanged; 3-D reversed, as torch still allows).
import torch
t = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(t.T, t.T.shape, torch.tensor([1, 2]).T)
x = torch.arange(24).reshape(2, 3, 4)
print(x.T.shape, x.T[3, 2, 1].item(), x.T.tolist()[0])
