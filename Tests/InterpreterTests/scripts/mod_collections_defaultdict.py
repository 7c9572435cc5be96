# collections.defaultdict with list, int, set, lambda factories; repr; missing keys get created.
from collections import defaultdict
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(dict(groups), len(groups))
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(counts)
print(counts["missing"], "missing" in counts, len(counts))
tags = defaultdict(set)
tags["x"].add(1); tags["x"].add(1); tags["y"].add(2)
print({k: sorted(v) for k, v in tags.items()})
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["b"] += 2
print(nested["a"]["b"], dict(nested["a"]))
plain = defaultdict(None, {"k": 1})
try:
    plain["nope"]
except KeyError as e:
    print("KeyError", e)
print(isinstance(counts, dict), counts.get("zz"), "zz" in counts)
