# Decorators: simple, with arguments, stacked, on methods; functools.wraps keeps the name.
import functools
def shout(fn):
    @functools.wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k).upper()
    return inner
def repeat(n):
    def deco(fn):
        def inner(*a):
            return [fn(*a) for _ in range(n)]
        return inner
    return deco
@shout
def hello(name):
    """Say hello."""
    return "hello " + name
print(hello("ann"), hello.__name__, hello.__doc__)
@repeat(3)
def roll():
    return 4
print(roll())
@repeat(2)
@shout
def word():
    return "w"
print(word())
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def a(): pass
@register
def b(): pass
print(registry)
class K:
    @shout
    def m(self):
        return "method"
print(K().m())
