# In-place operator dunders: __iadd__ mutates and returns self; without it += falls back to __add__ (new object).
class Acc:
    def __init__(self, items=()):
        self.items = list(items)
    def __iadd__(self, other):
        self.items.extend(other)
        return self
    def __repr__(self):
        return f"Acc({self.items})"
class Imm:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Imm(self.v + o)
    def __repr__(self):
        return f"Imm({self.v})"
a = Acc([1])
alias = a
a += [2, 3]
print(a, alias, a is alias)
m = Imm(1)
alias_m = m
m += 5
print(m, alias_m, m is alias_m)
