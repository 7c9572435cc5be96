# Calls: positional, keyword, defaults, *args, **kwargs, unpacking at call site.
def f(a, b=2, *args, c=3, **kwargs):
    return (a, b, args, c, kwargs)
print(f(1))
print(f(1, 5))
print(f(1, 5, 6, 7))
print(f(1, c=9))
print(f(1, 2, 3, c=4, d=5, e=6))
print(f(*[1, 2, 3]))
print(f(**{"a": 1, "b": 2, "z": 26}))
print(f(*(1,), *[2, 3], c=0, **{"k": "v"}))
def g(x, y, z):
    return x * 100 + y * 10 + z
print(g(1, z=3, y=2), g(*[1, 2], 3), g(**dict(z=1, y=2, x=3)))
print(max(*[3, 9, 2]), print.__name__)
def kwonly(*, name, flag=False):
    return f"{name}:{flag}"
print(kwonly(name="n"), kwonly(flag=True, name="m"))
def posonly(a, b, /, c):
    return a + b + c
print(posonly(1, 2, c=3))
