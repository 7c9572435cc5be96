# Generators keep local state between resumptions; multiple independent generators; generator in a class.
def counter(name):
    n = 0
    while True:
        n += 1
        yield f"{name}{n}"
a, b = counter("a"), counter("b")
print(next(a), next(a), next(b), next(a), next(b))
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), sum(t), 3 in t)
def zipper(xs, ys):
    ix, iy = iter(xs), iter(ys)
    while True:
        try:
            yield next(ix), next(iy)
        except StopIteration:
            return
print(list(zipper("abc", [1, 2])))
