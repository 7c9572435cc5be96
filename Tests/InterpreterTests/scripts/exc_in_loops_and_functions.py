# Exceptions crossing function boundaries and loops; finally runs on break/continue/return; retry loops.
def parse_all(items):
    out = []
    for item in items:
        try:
            out.append(int(item))
        except ValueError:
            out.append(None)
            continue
        finally:
            out.append("|")
    return out
print(parse_all(["1", "x", "3"]))
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise ConnectionError(f"attempt {attempts} failed")
    return "ok"
for _ in range(5):
    try:
        result = flaky()
        break
    except ConnectionError as e:
        print("retrying after:", e)
print(result, attempts)
def deep(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        return deep(n - 1)
    finally:
        print("unwinding", n)
try:
    deep(3)
except LookupError as e:
    print("caught", e)
