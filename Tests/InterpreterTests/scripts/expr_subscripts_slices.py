# Subscripts and slices: negative indices, steps, slice objects, slice assignment and deletion.
xs = list(range(10))
print(xs[0], xs[-1], xs[-3], xs[2:5], xs[:3], xs[7:], xs[::3], xs[::-1], xs[8:2:-2], xs[-3:-1])
print(xs[5:100], xs[100:], xs[-100:2], xs[3:3])
s = slice(1, 8, 3)
print(xs[s], s.start, s.stop, s.step)
ys = xs[:]
ys[2:5] = ["a", "b"]
print(ys)
ys[:2] = []
print(ys)
ys[1:1] = [99, 98]
print(ys)
zs = list(range(10))
zs[::2] = [0] * 5
print(zs)
del zs[1:4]
print(zs)
del zs[::2]
print(zs)
del zs[0]
print(zs)
t = (1, 2, 3, 4)
print(t[1:], t[::-1], "hello"[1:-1])
try:
    zs[::2] = [1, 2, 3, 4, 5, 6]
except ValueError as e:
    print("ValueError", e)
m = [[1, 2], [3, 4]]
m[1][0] = 30
print(m, m[-1][-1])
