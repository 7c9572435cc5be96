# Functions as values: in containers, passed and returned, attributes, callable().
def inc(x):
    return x + 1
def dbl(x):
    return x * 2
pipeline = [inc, dbl, inc]
v = 3
for f in pipeline:
    v = f(v)
print(v)
ops = {"inc": inc, "dbl": dbl}
print(ops["dbl"](21), [f.__name__ for f in pipeline])
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(dbl, 10, 1))
print(callable(inc), callable(3), callable(len), callable(lambda: 0), callable(int))
inc.tag = "custom attribute"
print(inc.tag)
print(sorted(["bb", "a", "ccc"], key=len), list(map(str.upper, ["a", "b"])))
print((lambda: 0).__name__)
