# try/except/else/finally inside functions: which return value wins, and side effects order.
log = []
def f(mode):
    try:
        log.append("try")
        if mode == "raise":
            raise ValueError
        if mode == "return":
            return "from try"
    except ValueError:
        log.append("except")
        return "from except"
    else:
        log.append("else")
        return "from else"
    finally:
        log.append("finally")
for mode in ["raise", "return", "normal"]:
    log.clear()
    print(mode, "->", f(mode), log)
def g():
    x = 1
    try:
        return x
    finally:
        x = 2
print(g())
