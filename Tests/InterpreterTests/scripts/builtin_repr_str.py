# repr() vs str() for many built-in values, including nested containers and special floats.
values = [1, -2.5, 1e100, "s", "it's", "\n", b"\x00a", None, True, [1, "a"], (1,), (), {"k": "v"}, set(), {1}, range(3), 0.1]
for v in values:
    print(repr(v), "|", str(v))
print(repr(repr("x")), str(str("x")))
print(repr([[]]), repr({"a": {"b": []}}), repr([1.0, float("inf"), -0.0]))
