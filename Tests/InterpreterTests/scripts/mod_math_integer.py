# math integer functions: isqrt on big ints, gcd/lcm of many, factorial/comb/perm of large values, floor/ceil of big floats.
import math
print(math.isqrt(10 ** 40 + 1), math.isqrt(99), math.isqrt(0))
print(math.gcd(2 ** 100, 6 ** 50), math.gcd(12, 18, 30), math.lcm(4, 6, 10), math.gcd(), math.lcm())
print(math.factorial(40), math.comb(100, 50), math.perm(10, 3), math.comb(5, 7))
print(math.floor(1e20), math.ceil(-1e20), math.trunc(2.5e15), math.floor(-0.5), math.ceil(0.5))
print(math.prod(range(1, 21)) == math.factorial(20), math.prod([]), math.prod([2.5, 4]))
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError", e)
