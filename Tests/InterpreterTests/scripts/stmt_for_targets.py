# for-loop targets: tuples, nested tuples, starred, attribute and subscript targets; loop variable after loop.
pairs = {"a": 1, "b": 2}
for key, value in pairs.items():
    print(key, value)
for (x, y), z in [((1, 2), 3), ((4, 5), 6)]:
    print(x + y + z)
for first, *others in ["abc", "de"]:
    print(first, others)
class Holder:
    pass
h = Holder()
for h.value in range(3):
    pass
print(h.value)
slots = [None, None]
for slots[0] in "xy":
    pass
print(slots)
for i in range(5):
    pass
print(i)
for ch in "":
    pass
try:
    print(ch)
except NameError as e:
    print("NameError", e)
