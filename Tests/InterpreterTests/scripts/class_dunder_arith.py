# Arithmetic dunders: __add__, __radd__, __mul__, __neg__, __bool__, __call__, NotImplemented fallback.
class Vec:
    def __init__(self, *c):
        self.c = c
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(*(a + b for a, b in zip(self.c, o.c)))
        return NotImplemented
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __mul__(self, k):
        return Vec(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __neg__(self):
        return self * -1
    def __bool__(self):
        return any(self.c)
    def __call__(self, i):
        return self.c[i]
    def __repr__(self):
        return f"Vec{self.c}"
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a * 3, 2 * a, -a, sum([a, b]), a(1))
print(bool(Vec(0, 0)), bool(a), "yes" if Vec(0) else "no")
try:
    a + 1
except TypeError as e:
    print("TypeError", e)
acc = Vec(0, 0)
acc += a
print(acc)
