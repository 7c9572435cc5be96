# math: constants, sqrt, floor/ceil/trunc, exp/log family, pow, fabs, gcd, factorial, isclose, isnan/isinf.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.isqrt(17), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(type(math.floor(2.5)).__name__, math.floor(7), math.ceil(7.000001))
print(math.exp(1), math.log(math.e), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(0))
print(math.pow(2, 10), math.fabs(-3), math.gcd(12, 18), math.gcd(0, 5), math.factorial(20))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.isnan(float("nan")), math.isinf(-math.inf), math.isfinite(1e308), math.isfinite(math.inf))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.comb(5, 2), math.perm(5, 2))
print(math.copysign(3, -0.0), math.hypot(3, 4), math.degrees(math.pi), math.radians(180))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError", e)
