# Closures: factories, captured loop variables, counters, decorators built from closures.
def multiplier(k):
    def mul(x):
        return x * k
    return mul
double, triple = multiplier(2), multiplier(3)
print(double(5), triple(5), multiplier(10)(4))
def make_acc():
    items = []
    def add(x):
        items.append(x)
        return list(items)
    return add
acc = make_acc()
acc(1)
print(acc(2))
def trace(fn):
    def wrapped(*args):
        result = fn(*args)
        print(f"{fn.__name__}{args} -> {result}")
        return result
    return wrapped
@trace
def add(a, b):
    return a + b
add(2, 3)
def memo(fn):
    cache = {}
    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return inner
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
