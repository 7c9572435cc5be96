# Comprehension scoping: loop variable does not leak; closures inside comprehensions; class-body comprehensions.
i = "untouched"
squares = [i * i for i in range(4)]
print(squares, i)
funcs = [lambda: k for k in range(3)]
print([f() for f in funcs])
funcs2 = [(lambda k=k: k) for k in range(3)]
print([f() for f in funcs2])
n = 10
print([x + n for x in range(3)])
def inside_function():
    base = 100
    return [base + x for x in range(3)]
print(inside_function())
class Consts:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
print(Consts.doubled)
