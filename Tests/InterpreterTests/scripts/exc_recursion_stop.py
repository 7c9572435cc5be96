# RecursionError is catchable; StopIteration from next(); exception variable is cleared after except.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__)
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(str(e)))
try:
    raise ValueError("v")
except ValueError as err:
    pass
try:
    print(err)
except NameError as e:
    print("NameError", e)
print(isinstance(RecursionError(), RuntimeError))
