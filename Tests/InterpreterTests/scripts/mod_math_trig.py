# math: trig and hyperbolic functions (values that round-trip identically), modf/frexp/ldexp.
import math
print(math.sin(0), math.cos(0), math.tan(0), math.atan2(1, 1), math.atan(1) * 4)
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), round(math.tan(math.pi / 4), 12))
print(math.asin(1), math.acos(1), math.acos(0))
print(math.tanh(0), round(math.tanh(1), 12), round(math.sinh(1), 12), round(math.cosh(1), 12))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(round(math.erf(1), 12), round(math.gamma(5), 9), math.gamma(0.5) ** 2 > 3.14)
vals = [math.sqrt(x) for x in range(5)]
print([round(v, 4) for v in vals])
