# hasattr/getattr/setattr/callable/iter/next on built-in and user values.
class C:
    x = 1
    def m(self):
        return 2
c = C()
print(hasattr(c, "x"), hasattr(c, "m"), hasattr(c, "y"), hasattr("s", "upper"), hasattr([], "append"))
setattr(c, "y", 3)
print(getattr(c, "y"), getattr(c, "m")(), getattr(str, "upper")("q"))
print(callable(c), callable(c.m), callable(C), callable(print), callable("x"), callable(None))
it = iter([10, 20])
print(next(it), next(it), next(it, "default"))
it2 = iter("ab")
print(list(it2), list(it2))
d_it = iter({"k1": 1, "k2": 2})
print(next(d_it))
try:
    next(iter(()))
except StopIteration:
    print("StopIteration")
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError", e)
