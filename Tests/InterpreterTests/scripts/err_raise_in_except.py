# Uncaught exception raised while handling another: both are printed, the last line names the new one.
def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise ValueError(f"missing required key {key!r}")
print(lookup({"a": 1}, "a"))
print(lookup({"a": 1}, "b"))
