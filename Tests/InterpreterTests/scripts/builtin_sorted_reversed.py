# sorted: key, reverse, stability with equal keys; list.sort; reversed on lists/strings/ranges.
words = ["banana", "Apple", "cherry", "apple", "Banana", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
people = [("ann", 30), ("bob", 25), ("cy", 30), ("dee", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted("cab"), sorted({"b": 1, "a": 2}), sorted((2, 1)))
xs = [5, 2, 8, 1]
xs.sort()
print(xs)
print(xs.sort(reverse=True), xs)
print(list(reversed([1, 2, 3])), "".join(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(sorted([0.5, -1, 3, 2.5]), sorted([[2, 1], [1, 2], [1]]))
print(sorted({"x": 3, "y": 1, "z": 2}.items(), key=lambda kv: kv[1]))
