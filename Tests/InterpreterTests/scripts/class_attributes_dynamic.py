# getattr/setattr/hasattr/delattr, __getattr__ fallback, dir() filtered to non-dunder names.
class Obj:
    cls_attr = 1
    def __init__(self):
        self.a = 1
    def method(self):
        return "m"
o = Obj()
setattr(o, "b", 2)
print(getattr(o, "b"), hasattr(o, "c"), getattr(o, "c", None))
delattr(o, "b")
print(hasattr(o, "b"))
print([n for n in dir(o) if not n.startswith("__")])
print([n for n in dir(Obj) if not n.startswith("_")])
class Lazy:
    def __getattr__(self, name):
        return f"computed:{name}"
l = Lazy()
l.real = "real"
print(l.real, l.anything, getattr(l, "other"))
print(getattr(o, "method")())
