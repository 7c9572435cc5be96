# random: the exact streams CPython's Mersenne Twister gives for a seed (int, big, negative, float, bool),
# and the exact results of the functions built on it.
import random
for seed in (0, 1, 42, 2**32 + 7, 2**70 + 3, -5, 3.5, True):
    random.seed(seed)
    print(seed, random.random(), random.getrandbits(7), random.getrandbits(40), random.getrandbits(100))
random.seed(42)
print(random.randint(1, 10), random.randrange(100), random.randrange(3, 30, 4), random.randrange(10, 0, -3))
print(random.choice("abcdef"), random.choice(range(1000)), random.uniform(1.5, 2.5), random.triangular(0, 10, 2))
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.sample(range(100), 10), random.sample("hello world", 4), random.sample(range(10**6), 3))
print(random.sample(["a", "b", "c"], 5, counts=[1, 2, 3]))
print(random.choices("abc", k=5), random.choices("abc", weights=[1, 0, 5], k=6), random.choices(range(4), cum_weights=[1, 2, 2, 9], k=4))
print(random.gauss(0, 1), random.gauss(0, 1), random.gauss(5, 2), random.normalvariate(0, 1), random.expovariate(2.0))
state = random.getstate()
first = [random.random() for _ in range(3)]
random.setstate(state)
print(first == [random.random() for _ in range(3)])
r = random.Random(7)
print(r.random(), r.randint(0, 2**40), r.sample(range(50), 7))
rows = [{"id": i} for i in range(12)]
random.Random(3).shuffle(rows)
print([row["id"] for row in rows])
for bad in [(5, 5), (0,)]:
    try:
        random.randrange(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    random.sample({1, 2, 3}, 2)
except TypeError as e:
    print("TypeError:", e)
