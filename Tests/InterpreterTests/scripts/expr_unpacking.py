# Unpacking in assignment and for loops: starred targets, nested, swap.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *mid, tail = range(5)
print(head, mid, tail)
x, *empty = [9]
print(x, empty)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = "mn"
print(m, n)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for n, *others in [(1, 2, 3), (4,)]:
    print(n, others)
pairs = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in pairs])
try:
    u, w = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    u, w, z = [1, 2]
except ValueError as e:
    print("ValueError", e)
i = j = k = 0
print(i, j, k)
