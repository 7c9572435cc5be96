# Conditional expressions and lambdas (defaults, closures, immediate call, in sort keys).
x = 7
print("odd" if x % 2 else "even", "big" if x > 100 else "mid" if x > 5 else "small")
sq = lambda n: n * n
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2), (lambda: "no args")())
print(list(map(lambda s: s.upper(), ["a", "b"])))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]))
fns = [lambda v, i=i: v + i for i in range(3)]
print([f(10) for f in fns])
late = [lambda: i for i in range(3)]
print([f() for f in late])
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3, y=4))
compose = lambda f, g: lambda v: f(g(v))
print(compose(sq, add)(2))
