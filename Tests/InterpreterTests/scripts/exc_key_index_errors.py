# KeyError str() is the repr of the key; IndexError messages for list/tuple/str/range.
def show(fn):
    try:
        fn()
    except (KeyError, IndexError) as e:
        print(type(e).__name__, e, e.args)
d = {"a": 1}
show(lambda: d["missing"])
show(lambda: d[0])
show(lambda: d[None])
show(lambda: d[("t", 1)])
show(lambda: d["it's"])
show(lambda: [][0])
show(lambda: ()[0])
show(lambda: ""[0])
show(lambda: range(3)[5])
xs = [1]
try:
    xs[3] = 0
except IndexError as e:
    print("IndexError", e)
try:
    {"x": 1}.pop("y")
except KeyError as e:
    print("KeyError", e)
print({"k": 0}.get("missing"), d.pop("missing", "default"))
