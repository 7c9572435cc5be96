# raise ... from ...: __cause__ is set; re-raise with bare raise; __context__ implicit chaining.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {s!r}") from e
try:
    parse("x")
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("during handling")
except ValueError as e:
    print("context:", type(e.__context__).__name__, e.__context__)
try:
    raise TypeError("suppressed context") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__)
def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging, then re-raising")
        raise
try:
    reraiser()
except ZeroDivisionError as e:
    print("outer caught", e)
