# Format spec type 'g' and no-type for floats: switching between fixed and exponent notation at the CPython thresholds.
vals = [0.0001, 0.00001, 123456.0, 1234567.0, 1e15, 1e16, 0.5, 100.0, 3.14159265358979, -2.5e-8]
for v in vals:
    print(f"{v} | {v:g} | {v:.3g} | {v:.10g} | {v:10.2g}| {v:.3} | {v:e}")
print(format(1e100, "g"), format(float("inf"), "g"), format(float("nan"), ".2f"), format(-0.0, "g"))
print(f"{123.456:#.3g} {1.0:#g} {0.0:g} {1e-5:f}")
