# if / elif / else chains, truthiness of many values, nested conditions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(v) for v in (-5, 0, 3, 42)])
for value in [0, 1, "", "x", [], [0], None, {}, 0.0, -0.5]:
    if value:
        print(repr(value), "truthy")
    else:
        print(repr(value), "falsy")
x = 15
if x % 3 == 0:
    if x % 5 == 0:
        print("FizzBuzz")
    else:
        print("Fizz")
