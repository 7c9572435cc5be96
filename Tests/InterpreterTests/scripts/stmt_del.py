# del of names, list items, slices, dict keys and attributes.
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)
xs = [0, 1, 2, 3, 4]
del xs[0], xs[-1]
print(xs)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
class C:
    pass
c = C()
c.attr = 5
del c.attr
print(hasattr(c, "attr"))
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print("NameError", e)
try:
    print(b)
except NameError as e:
    print("NameError", e)
