# __str__ vs __repr__: print uses __str__, containers use __repr__, fallback from __str__ to __repr__.
class Both:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "Both()"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly<>"
b, r = Both(), ReprOnly()
print(b, r)
print([b, r], (b,), {"k": b})
print(str(b), repr(b), str(r), f"{b} {r!r} {b!r}")
print("%s %r" % (b, b))
class Child(Both):
    def __str__(self):
        return "child-" + super().__str__()
print(Child(), [Child()])
