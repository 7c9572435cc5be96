# enumerate (start), zip (uneven lengths, three iterables, unzip with *), map and filter.
print(list(enumerate("abc")), list(enumerate(["x", "y"], start=10)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
pairs = [(1, "one"), (2, "two")]
nums, names = zip(*pairs)
print(nums, names)
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(str, range(3))), list(map(int, "123")))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x > 1, [1, 2, 3])))
m = map(lambda x: x * 2, [1, 2])
print(next(m), list(m), list(m))
for i, (a, b) in enumerate(zip("xy", "XY")):
    print(i, a, b)
print(dict(enumerate("ab")))
