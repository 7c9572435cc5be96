# Operator precedence and associativity: ** binds tighter than unary minus, comparisons below arithmetic,
# not below comparisons, and above or; bitwise ops ordered & ^ |; conditional lowest.
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * (3 - 4) / 2, 7 - 3 - 2, 64 / 4 / 2, 2 * 3 % 4, 2 + 3 % 4)
print(not 1 == 2, not (1 == 2) and False, True or False and False, (True or False) and False)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), 1 << 2 + 1, (1 << 2) + 1, ~1 + 1, -~1)
print(3 > 2 == True, (3 > 2) == True, 1 + 1 == 2 and 3 in [3])
print("a" + "b" * 2, ("a" + "b") * 2, [1] + [2] * 2)
x = 5
print(x if x > 3 else -x + 100, (lambda: 1 if False else 2)(), x > 3 or x / 0)
print(-x ** 2, (-x) ** 2, +-x, - - x, not not x)
