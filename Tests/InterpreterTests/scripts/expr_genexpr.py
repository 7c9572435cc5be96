# Generator expressions: passed to calls, laziness, single use.
xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(sum(x for x in xs), sum(x * x for x in xs if x > 2))
print(max(x % 5 for x in xs), min((x for x in xs), default=None), any(x > 8 for x in xs), all(x > 0 for x in xs))
print(sorted(x for x in xs if x % 2), list(x for x in "ab"), tuple(i for i in range(3)))
print(", ".join(str(x) for x in xs[:3]), set(x % 2 for x in xs) == {0, 1})
g = (x * 10 for x in range(3))
print(next(g), list(g), list(g))
seen = []
def tap(v):
    seen.append(v)
    return v
lazy = (tap(v) for v in range(5))
print(seen)
print(next(lazy), next(lazy), seen)
print(dict((k, len(k)) for k in ["aa", "b"]))
print(sum(1 for _ in range(1000)))
