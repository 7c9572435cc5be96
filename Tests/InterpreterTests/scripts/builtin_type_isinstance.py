# type() reprs, isinstance with tuples, issubclass, bool is an int.
for v in [1, 1.5, "s", b"b", True, None, [1], (1,), {"a": 1}, {1}, range(2), len]:
    print(type(v))
class A:
    pass
class B(A):
    pass
print(type(A()), type(A), type(int), type(type))
print(isinstance(1, (str, int)), isinstance("x", (int, float)), isinstance(True, int), isinstance(1, bool))
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, A), issubclass(bool, int), issubclass(int, (str, object)))
print(type(1) == int, type(True) == int, type(3.0).__name__, int.__name__)
print(type(None).__name__, type(print).__name__, type(lambda: 0).__name__)
