# random: only seed-independent properties (sftnb's sequence need not equal CPython's).
import random
random.seed(1234)
xs = list(range(20))
ys = xs[:]
random.shuffle(ys)
print(sorted(ys) == xs, len(ys))
s = random.sample(range(100), 10)
print(len(s), len(set(s)), all(0 <= v < 100 for v in s))
print(all(0.0 <= random.random() < 1.0 for _ in range(1000)))
print(all(3 <= random.randint(3, 7) <= 7 for _ in range(1000)), {random.randint(0, 1) for _ in range(200)} == {0, 1})
print(random.choice(["only"]), all(random.choice("abc") in "abc" for _ in range(50)))
print(all(1.5 <= random.uniform(1.5, 2.5) <= 2.5 for _ in range(100)), random.randrange(5, 6))
random.seed(7)
first = [random.random() for _ in range(5)]
random.seed(7)
again = [random.random() for _ in range(5)]
print(first == again)
r = random.Random(3)
r2 = random.Random(3)
print([r.randint(0, 10 ** 6) for _ in range(3)] == [r2.randint(0, 10 ** 6) for _ in range(3)])
print(len(random.choices("ab", k=7)), isinstance(random.gauss(0, 1), float))
