# Infinite generators consumed with itertools.islice, takewhile-style loops, and break.
import itertools
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(itertools.islice(naturals(), 5)))
print(list(itertools.islice(fib(), 10, 15)))
print(list(itertools.islice(naturals(10), 0, 20, 5)))
for v in fib():
    if v > 100:
        print("first fib over 100:", v)
        break
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(4)])
print(list(itertools.islice("abcdef", 2, None)))
print(list(itertools.islice(range(10), 3)))
