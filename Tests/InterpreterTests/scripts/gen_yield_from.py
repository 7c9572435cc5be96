# yield from: delegation to sub-generators and iterables; recursive generators; return value of yield from.
def inner():
    yield 1
    yield 2
    return "inner done"
def outer():
    result = yield from inner()
    print("got", result)
    yield from "ab"
    yield from range(2)
print(list(outer()))
def walk(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from walk(sub)
    else:
        yield tree
print(list(walk([1, [2, [3, 4]], [[5]]])))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1], (2, 3), {4: "x"})))
