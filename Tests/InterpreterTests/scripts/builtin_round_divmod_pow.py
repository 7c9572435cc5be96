# round (banker's rounding, ndigits, negative ndigits), divmod, pow (3-arg, negative exponents), abs.
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5))
print(round(3.14159, 2), round(3.14159, 0), round(31415.9, -2), round(5, -1), round(15, -1), round(25, -1))
print(divmod(7, 3), divmod(-7, 3), divmod(7, -3), divmod(7.0, 3), divmod(0, 5))
print(pow(3, 4), pow(3, -1), pow(3, 4, 5), pow(2, 0), pow(0, 0), pow(-2, 3), pow(2.5, 2))
print(abs(-7), abs(3.5), abs(-0.0), abs(True))
print(round(1e15 + 0.3), round(-2.675, 2), round(0.1 + 0.2, 10))
