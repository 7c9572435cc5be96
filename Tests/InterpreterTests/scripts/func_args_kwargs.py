# *args and **kwargs collection, keyword-only params, forwarding.
def collect(*args, **kwargs):
    return args, kwargs
print(collect(), collect(1, 2), collect(a=1), collect(1, b=2, c=3))
def head(first, *rest, sep=", "):
    return first + ": " + sep.join(str(r) for r in rest)
print(head("nums", 1, 2, 3), head("x", 4, 5, sep="|"))
def wrapper(*args, **kwargs):
    return collect(*args, extra=True, **kwargs)
print(wrapper(1, k="v"))
def kw_only(a, *, b, c=3):
    return a + b + c
print(kw_only(1, b=2), kw_only(1, c=0, b=0))
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(*range(5)), type(collect(1)[0]).__name__)
