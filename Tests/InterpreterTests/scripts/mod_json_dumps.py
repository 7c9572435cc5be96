# json.dumps: separators, indent, sort_keys, ensure_ascii, non-ASCII, nested, floats, special values.
import json
data = {"name": "café", "n": 3, "ratio": 0.1, "big": 1e20, "neg": -0.0, "ok": True, "none": None,
        "list": [1, 2.5, "x"], "nested": {"b": 1, "a": [{"k": []}]}, "empty": {}}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data["nested"], indent=2))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 0, "y": 1}}, sort_keys=True))
print(json.dumps([1, [2, [3]]], indent=4))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")))
print(json.dumps("日本語"), json.dumps("日本語", ensure_ascii=False), json.dumps("tab\t\"q\"\n\\"))
print(json.dumps((1, 2)), json.dumps([]), json.dumps({}), json.dumps(None), json.dumps(3.0), json.dumps(1 / 3))
print(json.dumps({1: "int key", 2.5: "float key", True: "bool key", None: "none"}))
print(json.dumps([float("inf"), float("nan")]))
print(json.dumps({"a": [], "b": {}}, indent=2))
print(json.dumps("\u00e9\U0001F600"))
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError", e)
