# Lexing: implicit continuation inside brackets, explicit backslash continuation.
total = (1 +
         2 +
         3)
print(total)
items = [
    "a",
    "b",   # trailing comma and comment inside brackets
]
print(items)
d = {
    "x": 1,
    "y": {
        "z": [1,
              2],
    },
}
print(d)
value = 10 + \
    20 + \
    30
print(value)
if value > 50 and \
   total < 10:
    print("both")
print(max(1,
          5,
          3))
s = ("implicit "
     "join")
print(s)
