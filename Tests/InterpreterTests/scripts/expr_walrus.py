# Assignment expressions (:=) in if, while, comprehensions.
data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print("long list", n)
it = iter(data)
while (v := next(it, None)) is not None:
    if v > 10:
        print("found", v)
        break
print([y for x in data if (y := x * 2) > 10])
print(y)
total = 0
print([total := total + x for x in data], total)
print((z := 5) + z)
