# Big-int edge cases: negative floor division/mod, bit ops on negatives, int->float overflow, huge exponents.
big = 3 ** 100
print(big, -big // 7, -big % 7, big // -7, big % -7)
print(divmod(-(10 ** 25), 10 ** 12), divmod(10 ** 25, -(10 ** 12)))
print(-(2 ** 70) >> 3, -(2 ** 70) & 0xFF, ~(2 ** 70), (2 ** 70) ^ -1)
print(float(10 ** 308), int(1e308) == 10 ** 308, int(2.0 ** 100) == 2 ** 100)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError", e)
try:
    (10 ** 400) / 1
except OverflowError as e:
    print("OverflowError", e)
print((10 ** 400) // (10 ** 399), (10 ** 400) / (10 ** 399), 10 ** 400 > 1e308)
print(abs(-(2 ** 100)), -(2 ** 100) < -(2 ** 99), max(2 ** 100, 2.0 ** 100 + 1e15))
print(pow(3, 10 ** 6, 10 ** 9 + 7), len(str(7 ** 1000)))
print(2 ** 64 // 3, 2 ** 64 % 3, (2 ** 64 - 1) // 2 ** 32)
