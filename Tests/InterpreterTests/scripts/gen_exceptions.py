# Exceptions and generators: errors raised inside propagate to the consumer; StopIteration inside is RuntimeError.
def risky():
    yield 1
    raise ValueError("inside generator")
g = risky()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(next(g, "exhausted afterwards"))
def bad():
    yield 1
    next(iter([]))
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError", e)
def guarded(items):
    for item in items:
        try:
            yield 10 // item
        except ZeroDivisionError:
            yield "div0"
print(list(guarded([5, 0, 2])))
