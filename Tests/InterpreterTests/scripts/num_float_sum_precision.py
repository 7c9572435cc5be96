# Floating-point accumulation order matters; math.fsum is exact; comparisons with tolerances.
import math
xs = [0.1] * 10 + [1e16, 1.0, -1e16]
print(sum(xs), math.fsum(xs))
total = 0.0
for x in [1e-16] * 10:
    total += x
print(total, 1.0 + total, (1.0 + 1e-16) + 1e-16)
print(sum(sorted([1e20, 1.0, -1e20])), sum([1e20, -1e20, 1.0]))
a = 0.1 * 3
print(a, a == 0.3, math.isclose(a, 0.3), abs(a - 0.3) < 1e-12)
print(sum(i / 10 for i in range(10)), sum(range(10)) / 10)
print(2 / 3 * 3, 2 * 3 / 3, 1e308 * 10 / 10, 1e308 / 10 * 10)
