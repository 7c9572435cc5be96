# assert: passing assertions, failing ones with and without messages.
assert 1 + 1 == 2
assert True, "not shown"
try:
    assert 1 > 2
except AssertionError as e:
    print("AssertionError", repr(str(e)), e.args)
try:
    assert [], "list was empty"
except AssertionError as e:
    print("AssertionError", e)
def check(x):
    assert isinstance(x, int), f"expected int, got {type(x).__name__}"
    return x * 2
print(check(4))
try:
    check("s")
except AssertionError as e:
    print(type(e).__name__, e)
