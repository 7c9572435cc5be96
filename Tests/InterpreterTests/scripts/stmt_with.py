# with statement: __enter__/__exit__ order, as-binding, exceptions passed to __exit__, suppression.
class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Ctx("a") as v:
    print("body", v)
with Ctx("outer"), Ctx("inner") as w:
    print("two managers", w)
with Ctx("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with Ctx("loud"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
def early():
    with Ctx("ret"):
        return "returned"
print(early())
