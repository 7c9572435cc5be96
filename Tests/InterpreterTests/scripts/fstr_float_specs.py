# f-strings: float format specs .4f, e, %, g, fixed width with zero padding, signs.
x = 3.14159265
print(f"{x:.4f}|{x:.0f}|{x:8.2f}|{x:<8.2f}|{x:08.3f}|{-x:08.3f}")
print(f"{12345.678:e}|{12345.678:.2e}|{0.000123:E}")
print(f"{0.256:.2%}|{1:%}|{0.5:.0%}")
print(f"{x:g}|{1e-7:g}|{123456789.0:g}|{100.0:g}|{0.0001:.3g}")
print(f"{x:+.2f}|{x: .2f}|{-x: .2f}")
print(f"{1234567.891:,.2f}|{1234567.891:_.1f}")
print(f"{2.5:.0f}|{3.5:.0f}|{0.125:.2f}|{2.675:.2f}")
print(f"{float('inf'):.2f}|{float('nan'):f}|{-0.0:.1f}")
print(f"{1.0:.10f}|{1/3:.15f}")
print(f"{5:.2f}|{7:e}")
