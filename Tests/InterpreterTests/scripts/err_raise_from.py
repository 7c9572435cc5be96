# Uncaught exception raised with `from`: both tracebacks are printed; the last line is the outer one.
def load(path):
    try:
        return {"a.json": "{}"}[path]
    except KeyError as e:
        raise FileNotFoundError(f"no such dataset file: {path}") from e
print(load("a.json"))
load("missing.json")
