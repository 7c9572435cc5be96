# Uncaught ZeroDivisionError raised three calls deep; stdout before the failure is kept.
def ratio(a, b):
    return a / b
def average(xs):
    return ratio(sum(xs), len(xs))
def report(groups):
    for name, xs in groups.items():
        print(name, average(xs))
report({"a": [1, 2, 3], "empty": [], "never": [1]})
print("not reached")
