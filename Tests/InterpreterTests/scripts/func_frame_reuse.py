# Calls that return and are called again (frames may be reused) keep every call's state
# separate: recursion, closures, generator expressions and generators outliving the call.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(15)])

def make_adder(k):
    def add(x):
        return x + k
    return add

adders = [make_adder(i) for i in range(4)]
print([a(10) for a in adders])

def evens(limit):
    return (i for i in range(limit) if i % 2 == 0)

g1 = evens(7)
g2 = evens(4)
print(next(g1), next(g2))
print(list(g1), list(g2))

def counter(start):
    n = start
    while n < start + 3:
        yield n
        n += 1

c1, c2 = counter(0), counter(10)
print(next(c1), next(c2), next(c1), list(c2), list(c1))

def local_state(x):
    items = []
    items.append(x)
    seen = len(items)
    return items, seen

print(local_state(1), local_state(2))

def unbound_first(flag):
    if flag:
        value = "set"
    try:
        return value
    except UnboundLocalError as e:
        return "unbound: " + str(e)

print(unbound_first(True), "|", unbound_first(False))

def fails(n):
    if n == 0:
        raise ValueError("at zero")
    return fails(n - 1)

for attempt in range(2):
    try:
        fails(3)
    except ValueError as e:
        print("caught", e, attempt)

def lambdas():
    return [lambda: i for i in range(3)], [(lambda j=i: j) for i in range(3)]

late, bound = lambdas()
print([f() for f in late], [f() for f in bound])

class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def total(self):
        return self.value + sum(child.total() for child in self.children)

tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(tree.total(), Node(5).total())
