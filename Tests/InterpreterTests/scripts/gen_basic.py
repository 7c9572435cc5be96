# Generators: yield, laziness (prints interleave), exhaustion, return value ends iteration.
def gen():
    print("start")
    yield 1
    print("between")
    yield 2
    print("end")
g = gen()
print("created")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
print(list(gen()))
def with_return():
    yield "a"
    return "result"
    yield "never"
print(list(with_return()))
def squares(n):
    for i in range(n):
        yield i * i
print(sum(squares(10)), max(squares(5)), list(squares(0)))
print(type(g).__name__)
