# Recursion: factorial, mutual recursion, recursion over nested structures.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(25))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7))
def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]
print(flatten([1, [2, [3, [4, []]], 5]]))
def depth(d):
    if not isinstance(d, dict) or not d:
        return 0
    return 1 + max(depth(v) for v in d.values())
print(depth({"a": {"b": {"c": 1}}, "x": 2}))
def hanoi(n, a="A", b="B", c="C"):
    return [] if n == 0 else hanoi(n - 1, a, c, b) + [(a, c)] + hanoi(n - 1, b, a, c)
print(len(hanoi(10)), hanoi(2))
