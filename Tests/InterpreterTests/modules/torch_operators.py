import torch

t = torch.tensor([1, 2, 3])
f = torch.tensor([0.5, -1.5, 2.0])
b = torch.tensor([True, False, True])
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]])


def show(label, fn):
    try:
        r = fn()
        print(label, r, r.dtype if isinstance(r, torch.Tensor) else type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


# Arithmetic with Python numbers, both sides; dtype promotion.
show("t + 1", lambda: t + 1)
show("t * 2", lambda: t * 2)
show("2 * t", lambda: 2 * t)
show("1 - t", lambda: 1 - t)
show("t - 1", lambda: t - 1)
show("t + 0.5", lambda: t + 0.5)
show("t / 2", lambda: t / 2)
show("3 / t", lambda: 3 / t)
show("t // 2", lambda: t // 2)
show("7 // t", lambda: 7 // t)
show("t % 2", lambda: t % 2)
show("-7 % t", lambda: -7 % t)
show("t ** 2", lambda: t ** 2)
show("2 ** t", lambda: 2 ** t)
show("t ** 0.5", lambda: t ** 0.5)
show("2.0 ** t", lambda: 2.0 ** t)
show("t + True", lambda: t + True)
show("f * 0.1", lambda: f * 0.1)
show("1.1 - f", lambda: 1.1 - f)
show("f / 3", lambda: f / 3)
show("3 / f", lambda: 3 / f)
show("f // 0.7", lambda: f // 0.7)
show("f % -0.7", lambda: f % -0.7)
show("f ** 3", lambda: f ** 3)
show("f ** -1", lambda: f ** -1)
show("f ** 2.5", lambda: f.abs() ** 2.5)
print((3 / torch.tensor([7.0])).item(), (torch.tensor([3.0]) / 7).item(), (1.1 - torch.tensor([0.3])).item())
print((torch.tensor([2.9]) ** 3).item(), (torch.tensor([2.9]) ** torch.tensor([3.0])).item(), (1.7 ** torch.tensor([2.9])).item())

# Tensor with tensor: broadcasting, 0-d tensors, mixed dtypes.
show("t + t", lambda: t + t)
show("t * f", lambda: t * f)
show("t / t", lambda: t / torch.tensor([2, 0, -4]))
show("m + t[:2]", lambda: m + torch.tensor([10, 20]))
show("col + row", lambda: torch.ones(2, 1) + torch.arange(3))
show("int32 + 0-d int64", lambda: torch.tensor([1, 2], dtype=torch.int32) + torch.tensor(5))
show("int64 + 0-d float64", lambda: t + torch.tensor(1.0, dtype=torch.float64))
show("int32 + 1", lambda: torch.tensor([2147483647], dtype=torch.int32) + 1)
show("int32 // big", lambda: torch.tensor([7, 2], dtype=torch.int32) // (2**32 + 2))
show("f16 + 0.1", lambda: torch.tensor([1.0, 2.0], dtype=torch.float16) + 0.1)
show("bf16 * 0.1", lambda: torch.tensor([1.0, 3.0], dtype=torch.bfloat16) * 0.1)
show("f16 * 3.3", lambda: torch.tensor([1.7], dtype=torch.float16) * 3.3)
show("f16 + bf16", lambda: torch.tensor([1.7], dtype=torch.float16) + torch.tensor([0.01], dtype=torch.bfloat16))
show("big wrap", lambda: torch.tensor([2**62]) * 4)
show("scalar 0-d", lambda: torch.tensor(5) + 2)

# Bool tensors.
show("b + b", lambda: b + b)
show("b * b", lambda: b * torch.tensor([True, True, False]))
show("b + True", lambda: b + True)
show("b + 1", lambda: b + 1)
show("b / 2", lambda: b / 2)
show("b // 2", lambda: b // 2)
show("b ** 2", lambda: b ** 2)
show("b & b", lambda: b & torch.tensor([False, True, True]))
show("b | b", lambda: b | torch.tensor([False, True, False]))
show("b ^ True", lambda: b ^ True)
show("t & 1", lambda: t & 1)
show("~b", lambda: ~b)
show("~t", lambda: ~t)

# Comparisons.
show("t == 2", lambda: t == 2)
show("t != 2", lambda: t != 2)
show("t < 2", lambda: t < 2)
show("2 < t", lambda: 2 < t)
show("t >= t", lambda: t >= torch.tensor([3, 2, 1]))
show("f > 0", lambda: f > 0)
show("nan < 2", lambda: torch.tensor([1.0, float("nan")]) < 2)
show("nan != nan", lambda: torch.tensor([float("nan")]) != torch.tensor([float("nan")]))
show("t == 2.5", lambda: torch.tensor([2, 3]) == 2.5)
show("f16 == 0.1", lambda: torch.tensor([0.1], dtype=torch.float16) == 0.1)
show("m == col", lambda: m == torch.tensor([[1.0], [4.0]]))
show("t == 'a'", lambda: t == "a")
show("t == None", lambda: t == None)
print((t == 2).sum(), (t > 1).tolist(), bool(torch.tensor(3) == 3))

# Unary.
show("-t", lambda: -t)
show("-f", lambda: -f)
show("-0.", lambda: -torch.tensor([0.0, 1.0]))
show("+t", lambda: +t)
show("abs(t)", lambda: abs(torch.tensor([-1, 2])))
show("abs(f)", lambda: abs(f))
show("f.abs()", lambda: f.abs())
show("-int32", lambda: -torch.tensor([1], dtype=torch.int32))

# Matrix products.
show("t @ t", lambda: t @ t)
show("m @ m", lambda: m @ m)
show("m @ v", lambda: m @ torch.tensor([1.0, -1.0]))
show("v @ m", lambda: torch.tensor([1.0, -1.0]) @ m)
show("batch @ m", lambda: torch.ones(2, 2, 3) @ torch.ones(3, 1))
show("int mm", lambda: torch.tensor([[1, 2], [3, 4]]) @ torch.tensor([[1], [1]]))

# In place: the same tensor object changes.
u = torch.tensor([1, 2])
alias = u
u += 1
u *= torch.tensor([3, 4])
print(alias, u is alias)
g = torch.tensor([1.5, 2.0])
g -= 1
g **= 2
g //= 0.3
print(g)
h = torch.tensor([True, False])
h |= torch.tensor([False, True])
print(h)
k = torch.tensor([1, 2], dtype=torch.int32)
k += torch.tensor([2**31, 1])
print(k)
x = torch.tensor([1.0, 2.0])
x += x
print(x)
sq = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
before = sq
sq @= torch.tensor([[0.0, 1.0], [1.0, 0.0]])
print(sq, before, sq is before)
n = torch.tensor([4, 9])
same = n
n //= 2
n %= 3
n **= 2
print(same, n is same)

# Errors, as torch raises them.
show("t // 0", lambda: t // 0)
show("t % 0", lambda: t % 0)
show("t / 0", lambda: t / 0)
show("f // 0", lambda: torch.tensor([1.0, -1.0, 0.0]) // 0)
show("f % 0", lambda: torch.tensor([1.0, -1.0]) % 0)
show("t ** -1", lambda: t ** -1)
show("2 ** neg", lambda: 2 ** torch.tensor([-1, 1]))
show("t + list", lambda: t + [1, 2, 3])
show("list + t", lambda: [1, 2, 3] + t)
show("t + None", lambda: t + None)
show("t < 'a'", lambda: t < "a")
show("t @ 2", lambda: t @ 2)
show("t @ f", lambda: t @ f)
show("m @ int", lambda: m @ torch.tensor([[1, 2], [3, 4]]))
show("m @ ones(3, 2)", lambda: m @ torch.ones(3, 2))
show("ones(3) @ m", lambda: torch.ones(3) @ m)
show("m @ ones(3)", lambda: m @ torch.ones(3))
show("ones(2) @ ones(3)", lambda: torch.ones(2) @ torch.ones(3))
show("0-d @ t", lambda: torch.tensor(2.0) @ torch.ones(3))
show("b @ b", lambda: b @ b)
show("shape mismatch", lambda: torch.ones(3) + torch.ones(2))
show("b - b", lambda: b - b)
show("b - 1", lambda: b - 1)
show("1 - b", lambda: 1 - b)
show("-b", lambda: -b)
show("+b", lambda: +b)
show("abs(b)", lambda: abs(b))
show("~f", lambda: ~f)
show("f & 1", lambda: f & 1)
show("b // b", lambda: b // b)
show("b % b", lambda: b % b)
show("b ** b", lambda: b ** b)
show("t + 2**70", lambda: t + 2**70)


def halve(v):
    v /= 2
    return v


def add_half(v):
    v += 1.5
    return v


def grow(v):
    v += torch.ones(2, 2, dtype=torch.long)
    return v


def flip(v):
    v += 1
    return v


show("t /= 2", lambda: halve(torch.tensor([1, 2])))
show("t += 1.5", lambda: add_half(torch.tensor([1, 2])))
show("t += matrix", lambda: grow(torch.tensor([1, 2])))
show("bool += 1", lambda: flip(torch.tensor([True, False])))
try:
    if t > 1:
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
print(torch.tensor([1.0, float("inf")]), torch.tensor([0.0, float("nan"), -2.5]), torch.tensor([float("-inf"), 0.0]))


class Other:
    """A user class: the tensor's operators return NotImplemented for it, so its reflected ones run."""

    def __radd__(self, other):
        return "Other.__radd__ with " + type(other).__name__

    def __eq__(self, other):
        return "Other.__eq__"

    def __add__(self, other):
        return "Other.__add__ first"


print(t + Other(), Other() + t, t == Other())
