# Truthiness of instances: __bool__ wins, else __len__, else always true; used by if/while/not/and/or.
class WithLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class WithBool:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        return self.b
    def __len__(self):
        return 99
class Plain:
    pass
for obj in [WithLen(0), WithLen(3), WithBool(False), WithBool(True), Plain()]:
    print(type(obj).__name__, bool(obj), "yes" if obj else "no", not obj)
q = WithLen(3)
while q:
    q.n -= 1
print("drained", len(q))
print((WithLen(0) or "fallback"), type(WithLen(2) and "second").__name__)
