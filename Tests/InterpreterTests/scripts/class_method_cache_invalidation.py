# Method-call inline caches must see every change to classes and instances.
class Base:
    def greet(self):
        return "base"

    def value(self):
        return 1


class Child(Base):
    pass


c = Child()
out = []
for i in range(3):
    out.append(c.greet())
print(out)

# Rebinding a method on the class after calls.
def new_greet(self):
    return "patched"

Base.greet = new_greet
print(c.greet())

# Overriding in the subclass after calls through the base.
Child.greet = lambda self: "child"
print(c.greet(), Base().greet())

# Deleting the override falls back to the base again.
del Child.greet
print(c.greet())

# An instance attribute that shadows a method (a plain callable, not bound).
c.greet = lambda: "instance"
print(c.greet())
del c.greet
print(c.greet())

# Monkeypatching inside a loop: each call sees the current binding.
results = []
for i in range(4):
    if i == 2:
        Base.value = lambda self: 2
    results.append(c.value())
print(results)

# Class attribute mutation through a subclass does not touch the base.
class Config:
    scale = 1

    def scaled(self, x):
        return x * self.scale


class Special(Config):
    pass


a, b = Config(), Special()
print(a.scaled(3), b.scaled(3))
Special.scale = 10
print(a.scaled(3), b.scaled(3))
Config.scale = 5
print(a.scaled(3), b.scaled(3))
del Special.scale
print(a.scaled(3), b.scaled(3))
b.scale = 7
print(a.scaled(3), b.scaled(3))

# Replacing __class__-level method with a staticmethod and classmethod.
class K:
    def m(self):
        return "method"

k = K()
for _ in range(2):
    print(k.m())
K.m = staticmethod(lambda: "static")
print(k.m())
K.m = classmethod(lambda cls: "classmethod of " + cls.__name__)
print(k.m())

# Methods called on different classes from one call site.
class P:
    def name(self):
        return "P"

class Q:
    def name(self):
        return "Q"

print([o.name() for o in [P(), Q(), P(), Q()]])

# Bound method objects keep the function they were made from.
class R:
    def f(self):
        return "old"

r = R()
bound = r.f
R.f = lambda self: "new"
print(bound(), r.f())

# A callable instance attribute set in __init__ shadows the class method.
class S:
    def __init__(self):
        self.run = lambda: "from instance"

    def run(self):
        return "from class"

print(S().run())

# Methods resolved through a base class changed after the subclass was created.
class T1:
    pass

class T2(T1):
    pass

t = T2()
try:
    t.later()
except AttributeError as e:
    print("AttributeError:", e)
T1.later = lambda self: "added later"
print(t.later())
