# Augmented assignment to names, attributes, subscripts; in-place list += vs rebinding.
class Box:
    def __init__(self):
        self.n = 1
        self.items = []
b = Box()
b.n += 4
b.n *= 3
b.items += [1]
b.items += (2, 3)
print(b.n, b.items)
d = {"a": 1}
d["a"] += 10
d.setdefault("b", 0)
d["b"] -= 1
print(d)
xs = [1, 2, 3]
alias = xs
xs += [4]
print(alias, xs is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias)
s = "ab"
s *= 3
print(s)
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
print(grid)
counter = {}
for w in "a b a c a".split():
    counter[w] = counter.get(w, 0) + 1
print(counter)
n = 10
n /= 4
print(n)
