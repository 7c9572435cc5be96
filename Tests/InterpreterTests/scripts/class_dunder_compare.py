# Comparison and hashing dunders: __eq__, __lt__, __hash__; sorting and dict keys with user objects.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, other):
        return isinstance(other, Version) and self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version("1.10.0"), Version("1.2.3"), Version("1.2.10"), Version("0.9")]
print(sorted(vs), max(vs), min(vs))
print(Version("1.0") == Version("1.0"), Version("1.0") != Version("1.1"), Version("1.0") == "1.0")
print(Version("2.0") > Version("1.9"))
d = {Version("1.0"): "first"}
print(d[Version("1.0")], Version("1.0") in {Version("1.0")}, len({Version("3"), Version("3")}))
class NoEq:
    pass
a = NoEq()
print(a == a, a == NoEq(), a != NoEq())
try:
    Version("1") <= Version("2")
except TypeError as e:
    print("TypeError", e)
