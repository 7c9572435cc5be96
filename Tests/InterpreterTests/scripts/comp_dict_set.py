# Dict and set comprehensions: inverting dicts, dedup, conditions in key/value, from zip.
d = {"a": 1, "b": 2, "c": 1}
inv = {}
for k, v in d.items():
    inv.setdefault(v, []).append(k)
print(inv, {v: k for k, v in d.items()})
print({k.upper(): v * 10 for k, v in d.items() if v == 1})
print(sorted({x % 4 for x in range(20)}), {len(w) for w in ["aa", "bb", "c"]} == {1, 2})
keys, vals = ["x", "y", "z"], [1, 2, 3]
print({k: v for k, v in zip(keys, vals)}, dict(zip(keys, vals)))
print({i: {j: i * j for j in range(2)} for i in range(2)})
print({(a, b): a + b for a in range(2) for b in range(2)})
