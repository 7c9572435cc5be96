# min/max with key and default, multiple args, ties (first wins); sum with start; any/all edge cases.
print(max([1, 5, 3]), min([1, 5, 3]), max(1, 5, 3), min("b", "a", "c"))
print(max(["aa", "b", "cccc", "dd"], key=len), min(["aa", "b", "cccc", "dd"], key=len))
print(max([("a", 2), ("b", 2), ("c", 1)], key=lambda t: t[1]))
print(max([], default="empty"), min([], default=None), max([7], default=0))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
scores = {"ann": 3, "bob": 7, "cy": 5}
print(max(scores, key=scores.get), min(scores.items(), key=lambda kv: kv[1]))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([[1], [2]], []), sum((), 5), sum(range(10), start=100))
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any(x > 2 for x in [1, 3]))
print(abs(-3), abs(-2.5), abs(4))
