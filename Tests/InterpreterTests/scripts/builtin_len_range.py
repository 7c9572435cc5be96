# len() on many types; range: repr, len, indexing, slicing, negative steps, membership, equality.
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}), len(range(5)), len(b"xy"), len(""))
r = range(10)
print(r, range(2, 10), range(0, 10, 3), range(5, 0, -1))
print(len(range(0, 10, 3)), len(range(10, 0)), len(range(-5, 5, 2)), len(range(10, 0, -3)))
print(list(range(5, 0, -2)), list(range(-3)), list(range(2, 2)))
print(r[3], r[-1], r[2:8:2], r[::-1], list(r[::-3]))
print(7 in r, 10 in r, -1 in r, r.index(4), r.count(4))
print(range(0, 3) == range(0, 3), range(0) == range(5, 5), list(range(3)) == [0, 1, 2])
print(range(3).start, range(1, 9, 2).stop, range(1, 9, 2).step)
print(sum(range(1, 101)), max(range(7)), min(range(3, 8)))
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError", e)
