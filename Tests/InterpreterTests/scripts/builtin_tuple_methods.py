# tuples: immutability, count/index, concatenation, comparison, as dict keys, single-element syntax.
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:3], len(t), 2 in t)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError", e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,))
coords = {(0, 0): "origin", (1, 0): "east"}
print(coords[(1, 0)], coords.get((0, 1), "?"))
single = (5,)
not_tuple = (5)
print(type(single).__name__, type(not_tuple).__name__, tuple(), tuple("ab"))
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
a, b = divmod(17, 5)
print(a, b, max((3, "c"), (3, "d")))
