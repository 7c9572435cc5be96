# Default arguments: evaluated once at def time (the mutable-default gotcha), None idiom.
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []))
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
x = 10
def uses_default(v=x):
    return v
x = 20
print(uses_default())
def many(a, b=1, c="c", d=None, e=(1, 2)):
    return a, b, c, d, e
print(many(0), many(0, c="C"), many(0, 9, e=()))
print(many.__defaults__)
