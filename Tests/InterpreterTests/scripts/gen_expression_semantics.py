# Generator expression semantics: the first iterable is evaluated immediately, the rest lazily.
def source(name, items):
    print("evaluating", name)
    return items
g = (x + y for x in source("outer", [1, 2]) for y in source("inner", [10, 20]))
print("generator created")
print(list(g))
xs = [1, 2, 3]
g2 = (x * 2 for x in xs)
xs = [100]
print(list(g2))
ys = [1, 2, 3]
g3 = (y for y in ys)
ys.append(4)
print(list(g3))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleaned up")
for v in gen_with_finally():
    print("got", v)
