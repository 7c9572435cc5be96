# except clauses: tuples of types, order matters, bare except, Exception vs BaseException, nested try.
def risky(kind):
    if kind == "key":
        return {}["k"]
    if kind == "idx":
        return [][1]
    if kind == "zero":
        return 1 / 0
    if kind == "type":
        return 1 + None
    return "fine"
for kind in ["key", "idx", "zero", "type", "none"]:
    try:
        print(risky(kind))
    except (KeyError, IndexError) as e:
        print(kind, "-> lookup error", type(e).__name__)
    except ArithmeticError as e:
        print(kind, "-> arithmetic", type(e).__name__)
    except Exception as e:
        print(kind, "-> other", type(e).__name__)
try:
    raise KeyError("x")
except LookupError as e:
    print("LookupError catches KeyError:", repr(e))
try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("not here")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer", e)
try:
    raise SystemExit(0)
except Exception:
    print("not caught by Exception")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)
try:
    int("q")
except:
    print("bare except")
