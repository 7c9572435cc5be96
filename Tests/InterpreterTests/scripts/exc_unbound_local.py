# UnboundLocalError and NameError variants.
counter = 0
def increment():
    counter += 1
try:
    increment()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def conditional(flag):
    if flag:
        value = 1
    return value
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print(type(e).__name__, e)
try:
    print(nowhere)
except NameError as e:
    print(type(e).__name__, e)
print(issubclass(UnboundLocalError, NameError))
