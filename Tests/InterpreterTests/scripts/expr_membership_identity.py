# in / not in across containers; is / is not with None, True, same object.
print(2 in [1, 2, 3], 4 not in (1, 2), "k" in {"k": 1}, 1 in {"k": 1}, 3 in {1, 3})
print("ell" in "hello", 5 in range(10), 10 in range(0, 10, 2), 4 in range(0, 10, 2))
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
x = None
print(x is None, x is not None, (x == None))
print(True is True, type(1) is int, type(True) is bool)
print([1, [2, 3]].__contains__([2, 3]), [2, 3] in [1, [2, 3]])
d = {"a": 1, "b": 2}
print([k for k in ["a", "z", "b"] if k in d])
