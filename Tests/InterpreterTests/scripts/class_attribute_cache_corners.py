# Attribute lookups and stores with properties, descriptors, __getattr__ and __setattr__.
class Temperature:
    def __init__(self):
        self._c = 0.0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        self._c = float(v)

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temperature()
for i in range(3):
    t.celsius += 10
print(t.celsius, t.fahrenheit)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)

# A property defined after instances already stored a same-named attribute wins.
class Box:
    pass

b = Box()
b.size = 3
print(b.size)
Box.size = property(lambda self: 42)
print(b.size)
del Box.size
print(b.size)

# __getattr__ only runs for missing attributes, even after attributes appear.
class Lazy:
    def __init__(self):
        self.calls = 0

    def __getattr__(self, name):
        self.calls += 1
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)

z = Lazy()
print(z.xa, z.xb, z.calls)
z.xa = "set"
print(z.xa, z.calls)
try:
    z.missing
except AttributeError as e:
    print("AttributeError:", e)

# __setattr__ added to a class after instances were used.
class Logged:
    def __init__(self):
        self.v = 0

log = []
o = Logged()
o.v += 1
def logging_setattr(self, name, value):
    log.append((name, value))
    object.__setattr__(self, name, value)
Logged.__setattr__ = logging_setattr
o.v += 1
o.w = 5
print(o.v, o.w, log)
del Logged.__setattr__
o.v += 1
print(o.v, log)

# Augmented assignment to attributes: get once, set once, in-place operators.
class Acc:
    def __init__(self):
        self.items = []
        self.total = 0

a = Acc()
alias = a.items
for i in range(3):
    a.items += [i]
    a.total += i
print(a.items, alias is a.items, a.total)

class Counted:
    sets = 0

    def __setattr__(self, name, value):
        Counted.sets += 1
        object.__setattr__(self, name, value)

c = Counted()
c.n = 1
c.n += 1
c.n *= 5
print(c.n, Counted.sets)

# Class attributes read through instances and changed through the class or a subclass.
class Base:
    count = 0

    def bump(self):
        type(self).count += 1
        return self.count

class Sub(Base):
    pass

x, y = Base(), Sub()
print(x.bump(), y.bump(), y.bump(), Base.count, Sub.count)

# __slots__-free instances with many attributes and deletion.
class Many:
    pass

m = Many()
for i in range(10):
    setattr(m, "a%d" % i, i)
del m.a3
print(sorted(vars(m).items())[:4], hasattr(m, "a3"))
m.a3 = "back"
print(m.a3, list(vars(m))[-1])
