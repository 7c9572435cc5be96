# json.loads: types produced, unicode escapes, nesting, number forms, errors.
import json
obj = json.loads('{"a": 1, "b": [true, false, null], "c": 1.5, "d": "\\u00e9\\n", "e": {"f": -2e3}, "g": 10000000000000000000000}')
print(obj)
print(type(obj["a"]).__name__, type(obj["c"]).__name__, type(obj["e"]["f"]).__name__, obj["g"] + 1)
print(json.loads("[]"), json.loads("3"), json.loads('"s"'), json.loads("null"), json.loads(" true "))
print(json.loads('{"dup": 1, "dup": 2}'), json.loads("1E2"), json.loads("-0"), json.loads("0.5e-1"))
print(json.loads('"\\ud83d\\ude00"') == "\U0001F600", json.loads('"日本"'))
text = json.dumps({"round": [0.1, 1e-7, 123456789.123]})
print(text, json.loads(text) == {"round": [0.1, 1e-7, 123456789.123]})
for bad in ['{"a": }', "[1, 2", "", "{'single': 1}"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError", isinstance(e, ValueError))
