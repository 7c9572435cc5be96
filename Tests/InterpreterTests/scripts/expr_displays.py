# List/dict/set/tuple displays including unpacking and trailing commas.
a = [1, 2]
b = (3, 4)
print([*a, *b, 5], (*a, 0), [*range(3)], {*a, 2})
d1 = {"x": 1}
d2 = {"y": 2, "x": 10}
print({**d1, **d2}, {**d2, **d1}, {"z": 0, **d1})
print((), (1,), 1, (1, 2,), [], [1,], {}, type({}).__name__, set())
print(sorted({3, 1, 2}), {1: "a", 2: "b"}, {(1, 2): "tuple key"})
print([[]] * 2, [[0] * 2 for _ in range(2)])
t = 1, 2, 3
print(t, type(t).__name__)
nested = {"list": [1, {"inner": (2, 3)}], "empty": {}}
print(nested)
print(len({1, 1, 2, 2}), {True, 1, 1.0}, {0: "zero", False: "false"})
