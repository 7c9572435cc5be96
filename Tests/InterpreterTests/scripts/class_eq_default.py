# Default equality is identity; __eq__ without __hash__ makes instances unhashable; __ne__ derives from __eq__.
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, len({p, q}), p in [p], q in [p])
class ValueEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, ValueEq) and self.v == other.v
print(ValueEq(1) == ValueEq(1), ValueEq(1) != ValueEq(2), ValueEq(1) in [ValueEq(0), ValueEq(1)])
try:
    {ValueEq(1)}
except TypeError as e:
    print("TypeError", e)
print([ValueEq(2), ValueEq(3)].index(ValueEq(3)), [ValueEq(1)].count(ValueEq(1)))
