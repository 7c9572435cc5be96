# functools.reduce with initial values, partial of methods and builtins, total_ordering.
from functools import reduce, partial, total_ordering
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
print(reduce(lambda a, b: a if a > b else b, ["pear", "apple", "zoo"]))
print(reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print("TypeError", e)
split_comma = partial(str.split, sep=",")
print(split_comma("a,b,c"), partial(max, default=0)([]), partial(sorted, reverse=True)([2, 3, 1]))
@total_ordering
class Grade:
    order = "FDCBA"
    def __init__(self, g):
        self.g = g
    def __eq__(self, o):
        return self.g == o.g
    def __lt__(self, o):
        return self.order.index(self.g) < self.order.index(o.g)
    def __repr__(self):
        return self.g
print(sorted([Grade("B"), Grade("F"), Grade("A")]), Grade("A") >= Grade("C"), Grade("D") > Grade("C"))
