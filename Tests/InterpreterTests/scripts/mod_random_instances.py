# random: independent Random instances with the same seed agree; properties of shuffle/sample/choices on strings.
import random
words = ["pear", "apple", "fig", "kiwi", "plum"]
a, b = random.Random(99), random.Random(99)
wa, wb = words[:], words[:]
a.shuffle(wa)
b.shuffle(wb)
print(wa == wb, sorted(wa) == sorted(words))
s = a.sample(words, 3)
print(len(s), len(set(s)), all(w in words for w in s))
print(all(a.choice(words) in words for _ in range(20)), len(a.choices(words, k=10)))
x = random.Random(5).random()
y = random.Random(5).random()
print(x == y, 0 <= x < 1)
print(sorted(random.sample(range(5), 5)) == list(range(5)))
try:
    random.sample(range(3), 5)
except ValueError as e:
    print("ValueError")
