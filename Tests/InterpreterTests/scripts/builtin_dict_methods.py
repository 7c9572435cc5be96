# dict methods: keys values items get setdefault pop popitem update copy clear fromkeys, views, order.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 100), d.setdefault("e", 5), d)
print(d.pop("e"), d.pop("zz", None), d.popitem(), d)
d.update({"x": 9}, y=10)
d.update([("z", 0)])
print(d)
d["b"] = 20
print(d)
del d["b"]
d["b"] = 2
print(list(d))
c = d.copy()
c.clear()
print(c, len(d), dict.fromkeys(["p", "q"], 0))
keys = d.keys()
d["new"] = 1
print(keys, "new" in keys, len(d.values()))
print({"a": 1} | {"b": 2}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
for k, v in {"one": 1, "two": 2}.items():
    print(k, v)
print(sorted(d.items()), list(reversed({"a": 1, "b": 2})))
try:
    for k in d:
        d["during"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
