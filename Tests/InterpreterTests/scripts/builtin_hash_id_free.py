# hash(): equal values hash equal, ints hash to themselves, unhashable types raise; no ids printed.
print(hash(1) == hash(1.0) == hash(True), hash(42), hash(-5), hash(0))
print(hash((1, 2)) == hash((1, 2)), hash("abc") == hash("ab" + "c"))
for v in ([1], {"a": 1}, {1}):
    try:
        hash(v)
    except TypeError as e:
        print("TypeError", e)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
a = []
b = a
print(id(a) == id(b), isinstance(id(a), int), a is b)
