# random: distribution properties that hold for any generator (bounds, coverage, mean within wide tolerance).
import random
rng = random.Random(2024)
draws = [rng.random() for _ in range(20000)]
mean = sum(draws) / len(draws)
print(0.45 < mean < 0.55, min(draws) >= 0.0, max(draws) < 1.0)
ints = [rng.randint(1, 6) for _ in range(6000)]
print(sorted(set(ints)), all(600 < ints.count(v) < 1400 for v in range(1, 7)))
g = [rng.gauss(10, 2) for _ in range(5000)]
print(9.5 < sum(g) / len(g) < 10.5)
steps = list(range(0, 100, 10))
print(all(rng.randrange(0, 100, 10) in steps for _ in range(200)))
deck = list(range(52))
rng.shuffle(deck)
print(len(deck), sorted(deck) == list(range(52)), deck != list(range(52)))
