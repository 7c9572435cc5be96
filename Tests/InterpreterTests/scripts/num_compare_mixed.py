# Comparisons and equality across int, float, bool and big ints; sorting mixed numbers; float/int hashing.
print(1 == 1.0 == True, 0 == -0.0 == False, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 20 > 1e19, 10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 < float("inf"))
print(sorted([3, 2.5, True, -1, 0.0, 10 ** 20]), max(1, 1.0), min(1.0, 1))
print(0.1 + 0.2 > 0.3, 1 / 3 == 0.3333333333333333, round(0.1 + 0.2, 2) == 0.3)
print({1: "int"}[1.0], {True: "t"}.get(1), {0.5: "half"}.get(1 / 2))
print(float(10 ** 20) == 10 ** 20, int(1e20) == 10 ** 20, int(float(2 ** 60 + 1)) == 2 ** 60 + 1)
