# AttributeError messages on None, user objects, modules, builtins.
import math
class Foo:
    pass
def show(fn):
    try:
        fn()
    except AttributeError as e:
        print("AttributeError:", e)
show(lambda: None.x)
show(lambda: Foo().bar)
show(lambda: Foo.bar)
show(lambda: math.nope)
show(lambda: (1).foo)
show(lambda: "x".foo())
show(lambda: [].push(1))
show(lambda: {}.has_key("a"))
x = None
try:
    x.append(1)
except AttributeError as e:
    print(type(e).__name__, e)
