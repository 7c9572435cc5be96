# json and numbers: floats serialize with repr, big ints exactly, int-valued floats keep ".0", round trips.
import json
vals = [0.1, 1 / 3, 1e16, 1e-7, 2.5, 100.0, -0.0, 10 ** 30, 2 ** 63, 123456789.123456789]
s = json.dumps(vals)
print(s)
back = json.loads(s)
print(back == vals, [type(v).__name__ for v in back])
print(json.dumps({"lr": 2e-5, "wd": 0.0, "steps": 1000}))
print(json.loads("1.0"), json.loads("1e3"), json.loads("-1.5E-3"), json.loads("12345678901234567890"))
print(json.dumps(True), json.dumps([None, False]), json.dumps({"k": [1.5, {"n": None}]}, indent=1))
