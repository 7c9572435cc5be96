# Uncaught RecursionError from unbounded recursion; the last stderr line names it.
def down(n):
    return down(n + 1) + 1
print("going down")
down(0)
