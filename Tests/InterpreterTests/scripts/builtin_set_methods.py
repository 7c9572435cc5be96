# set methods and operators; print sets only sorted or of small ints.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(range(10)), a.isdisjoint({7}), {1, 2}.issuperset({1}))
s = set()
s.add(3); s.add(1); s.add(3); s.update([2, 5]); s.discard(5); s.discard(42)
print(s, len(s), 2 in s)
s.remove(1)
print(sorted(s))
popped = s.pop()
print(popped in {2, 3}, len(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
words = {"pear", "apple", "fig"}
print(sorted(words), sorted(words, key=len), "fig" in words)
c = a.copy()
c -= {1}
c |= {10}
print(sorted(c), sorted(a), {1, 2} == {2, 1}, set() == frozenset())
