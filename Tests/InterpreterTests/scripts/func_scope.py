# Name resolution: LEGB, shadowing builtins, UnboundLocalError when assigning after reading.
x = "global"
def read_global():
    return x
def shadow():
    x = "local"
    return x
print(read_global(), shadow(), x)
def enclosing():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(enclosing())
def uses_len():
    len = lambda s: -1
    return len("abc")
print(uses_len(), len("abc"))
def broken():
    print(x)
    x = 1
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
for loop_var in range(3):
    pass
print(loop_var)
if True:
    block_var = "visible"
print(block_var)
