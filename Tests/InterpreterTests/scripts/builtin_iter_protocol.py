# iter() with a sentinel, iterating dict views and files-like objects, zip(strict=True), enumerate over generators.
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
d = {"x": 1, "y": 2}
ki, vi, ii = iter(d.keys()), iter(d.values()), iter(d.items())
print(next(ki), next(vi), next(ii), list(ki), list(ii))
print(list(zip("ab", [1, 2], strict=True)))
try:
    list(zip("abc", [1], strict=True))
except ValueError as e:
    print("ValueError", e)
def letters():
    yield from "xyz"
print(list(enumerate(letters(), 1)))
it = iter([1, 2, 3])
print(iter(it) is it, list(it))
