# f-strings: !r, !s, !a conversions and self-documenting {x=}.
s = "hé"
print(f"{s!r} {s!s} {s!a}")
x = 42
items = [1, "two"]
print(f"{x=}")
print(f"{items=}")
print(f"{x + 1 = }")
print(f"{s=!s} {s=}")
print(f"{x=:>5}|")
print(f"{len(items)=}")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"
p = P()
print(f"{p} {p!r} {p!s} {p=}")
