# Comprehensions over nested data: flattening, transposing, filtering dicts, grouping.
records = [
    {"name": "ann", "tags": ["a", "b"], "score": 90},
    {"name": "bob", "tags": [], "score": 72},
    {"name": "cy", "tags": ["b"], "score": 85},
]
print([t for r in records for t in r["tags"]])
print({r["name"]: r["score"] for r in records if r["score"] >= 80})
print(sorted({t for r in records for t in r["tags"]}))
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in grid] for i in range(3)])
print([grid[i][i] for i in range(3)], sum(x for row in grid for x in row if x % 2))
groups = {}
for r in records:
    groups.setdefault(r["score"] // 10 * 10, []).append(r["name"])
print(groups)
print({k: len(v) for k, v in sorted(groups.items())})
print([(i, j) for i in range(3) for j in range(3) if i < j])
print([[c for c in w if c not in "aeiou"] for w in ["hello", "sky"]])
