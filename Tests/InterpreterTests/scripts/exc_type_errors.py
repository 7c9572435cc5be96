# TypeError messages for calls and operators.
def show(fn):
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)
def f(a, b):
    return a + b
def g(*, key):
    return key
show(lambda: f(1))
show(lambda: f())
show(lambda: f(1, 2, 3))
show(lambda: f(1, 2, c=3))
show(lambda: f(1, a=2))
show(lambda: g(1))
show(lambda: g())
show(lambda: 1 + "a")
show(lambda: "a" - "b")
show(lambda: [1] * "x")
show(lambda: None + 1)
five, text, nothing = 5, "str", None
show(lambda: five())
show(lambda: text())
show(lambda: nothing[0])
show(lambda: five[0])
show(lambda: len(5))
show(lambda: {[1]: 2})
show(lambda: -"x")
show(lambda: sum(["a", "b"]))
show(lambda: int([1]))
show(lambda: iter(5))
class Foo:
    def __init__(self, x):
        self.x = x
    def m(self):
        return self.x
show(lambda: Foo())
show(lambda: Foo(1).m(2))
show(lambda: Foo(1, y=2))
