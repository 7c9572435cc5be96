# Uncaught ZeroDivisionError raised inside a list comprehension over a function call.
def inverse(x):
    return 1 / x
print([inverse(x) for x in [1, 2, 4]])
print([inverse(x) for x in [1, 0, 2]])
