x = -2**2 + 2**-1 - ~3 * +4 // 5 % 6 @ m
y = a if b else c if d else e
z = not a and b or c and not d
c = a < b <= c != d == e > f >= g in h not in i is j is not k
w = (n := 10) + n
s = a[1:2], a[::2], a[1:2, 3], a[:, 0], a[...], a[lambda: 1:]
t = f(1, *args, key=v, **kw), f(x for x in xs), g(*a, *b, **c, **d)
d = {1: 2, **e, 'k': [1, 2, *rest]}, {1, 2, *s}, (), (1,), [], {}
comp = [x * y for x in range(10) if x % 2 for y in range(x) if y]
sc = {x for x in xs}
dc = {k: v for k, v in items.items() if v is not None}
ge = (i for i in range(3))
big = 123456789012345678901234567890 + 0xFFFFFFFFFFFFFFFFFFFF + 0o777 + 0b1010_1010 + 1_000_000
fl = 1. + .5 + 1e-3 + 1_000.5 + 3.14E+10 + 0e0
st = 'a' "b" '''c''' """d""" r'\n' u'u' f'{x}' 'plain' f"{y!r:>{w}}"
by = b'\x00' rb'\d' br"x"
fs = f"{x=}, {x = !s}, {x:{w}.{p}}, {{literal}}, {a['k']}, {b['k'] if False else 1}, {3.14:.2f}"
esc = '\n\t\\\'\"\r\0\x41\u0041\U00000041\101'
lam = lambda: (yield)
attr = a.b.c(d)[e].f
star = [*a, *b]
cond = [x if x else y for x in z]
