# and/or/not return operands (not just booleans) and short-circuit.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", None or [] or "last")
print([] and "x", "a" and "b" and "c", not 0, not "x", not [], not None)
def loud(v):
    print("eval", v)
    return v
print(loud(0) and loud(1))
print(loud(1) or loud(2))
name = ""
print(name or "anonymous")
print(True + (not False), (1 or 0) + 1)
print(bool(0.0), bool([0]), bool({}), bool(()), bool(None), bool(-1))
x = 5
print(x > 3 and x < 10 or x == 0, not x > 3 and x)
