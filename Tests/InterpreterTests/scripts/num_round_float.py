# round() with ndigits, float repr corner cases, and str() of floats.
vals = [0.5, 1.5, 2.5, -1.5, 2.675, 1.0049999, 99.995, 1e-10, 123456.7891]
for v in vals:
    print(v, round(v), round(v, 2), round(v, 1))
print(round(1e16 + 0.5), round(-0.4), round(0.4))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__, type(round(2, 1)).__name__)
print(str(1e16), str(1.5e15), str(1e-4), str(1.23e-5))
print(0.1 * 0.1, 1 - 0.9, 100 * 1.1, 3.3 / 1.1)
