# f-strings, format() and str.format() call __str__/__format__ defined on str subclasses,
# as CPython does (int and float subclasses are not supported by sftnb yet).
class Name(str):
    def __str__(self):
        return "Name<" + self + ">"

class Spec(str):
    def __format__(self, spec):
        return "Spec[" + spec + "]"

class Plain(str):
    pass

n, s, p = Name("ann"), Spec("bob"), Plain("cy")
print(f"{n}|{s}|{p}")
print(f"{n:>8}|{s:>8}|{p:>8}")
print(f"{n!s}|{n!r}|{s!s}")
print(format(n), format(s, "x"), format(p, "^6"))
print("{}|{}|{}".format(n, s, p))
print("{:>6}|{:q}".format(n, s))
print(str(n), repr(n), n + "!", len(n))
print("%s|%s" % (n, s))

print(f"{True}|{False:>6}|{True!r}|{format(False)}")

class Strange(str):
    def __str__(self):
        return 42

try:
    print(f"{Strange('x')}")
except TypeError as e:
    print("TypeError:", e)

class BadFormat(str):
    def __format__(self, spec):
        return 5

try:
    print(f"{BadFormat('y'):>3}")
except TypeError as e:
    print("TypeError:", e)
x = 3.14159
print(f"{x=}|{x=:.2f}|{x=!s}|{'a'!r:>5}|{12345678:_}|{-1234.5:,.1f}|{7:#x}|{255:08b}")
