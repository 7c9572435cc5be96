# // and % follow Python's sign rules (floor toward -inf; result of % has the divisor's sign).
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3)]:
    print(a, b, a // b, a % b, divmod(a, b))
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.0, 2.0), (5.0, 0.5)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(-1 % 10, -11 % 10, 11 % -10, 3 % 5, -0.0 % 1)
print(2 ** -1, 2 ** 10, (-2) ** 3, -2 ** 2, (-8) ** 2, 0 ** 0)
print(pow(2, -2), pow(-3, 3), pow(7, 2, 5), pow(-7, 2, 5), pow(7, -1, 5))
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3).__name__)
print(1e308 % 7, 10 % 3.5, -10 % 3.5)
