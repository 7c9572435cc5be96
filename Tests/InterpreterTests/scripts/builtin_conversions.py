# Constructors: int float str bool list tuple dict set from various inputs.
print(int(), float(), str(), bool(), list(), tuple(), dict(), set())
print(int(7.9), int("-12"), float(3), float("1e-3"), str(3.0), bool(2))
print(list((1, 2)), list({"a": 1, "b": 2}), list("hi"), list(range(3)), tuple([1, 2]))
print(dict([("a", 1), ("b", 2)]), dict(a=1, b=2), dict({"x": 1}, y=2), dict(zip("ab", [1, 2])))
print(sorted(set([3, 1, 3])), set() == set([]), sorted(set("hello")))
print(list(map(bool, [0, 1, "", "x", [], None])))
print(str([1, 2]), str((1,)), str({"a": [1]}), str(None))
print(frozenset([1, 2]) == {1, 2}, type(frozenset()).__name__)
