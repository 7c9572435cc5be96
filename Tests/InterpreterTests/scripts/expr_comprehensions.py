# Comprehensions: list/set/dict, nested loops, conditions, nested comprehensions, scoping.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(3)] for i in range(3)])
print(sorted({c.lower() for c in "HeLLo"}))
print({k: v for k, v in zip("abc", range(3))})
print({n: n ** 2 for n in range(5) if n % 2})
words = ["apple", "bob", "kayak", "tree"]
print([w for w in words if w == w[::-1]])
print([x if x > 0 else 0 for x in [-2, 3, -1, 4]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for row in matrix for i in range(len(row)) if i != 1])
print([list(col) for col in zip(*matrix)])
x = "outer"
print([x for x in "ab"], x)
print([(i, c) for i, c in enumerate("xyz") if i])
