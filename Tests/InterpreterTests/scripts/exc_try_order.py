# try/except/else/finally: which blocks run and in which order.
def run(fail):
    try:
        print("  try")
        if fail:
            raise ValueError("boom")
    except ValueError as e:
        print("  except", e)
    else:
        print("  else")
    finally:
        print("  finally")
    print("  after")
print("no failure:")
run(False)
print("failure:")
run(True)
def finally_overrides():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(finally_overrides())
def finally_return():
    try:
        raise KeyError("lost")
    finally:
        return "finally wins"
print(finally_return())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
