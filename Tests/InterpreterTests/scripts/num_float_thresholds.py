# Float repr switches to exponent notation at 1e16 and below 1e-4, exactly like CPython.
for v in [1e15, 9999999999999998.0, 1e16, 1.5e16, 123456789012345.6, 0.0001, 0.00009999, 1e-4 * 1.5, 12345.6789e-10]:
    print(repr(v), str(v))
for e in range(-7, 18, 3):
    print(e, 10.0 ** e, 2.5 * 10.0 ** e)
print(1.0, 10.0, 1e1, 100.5, -1e-300, 1e-320)
print(float("1e500"), float("-1e500"), float("1e-500"))
