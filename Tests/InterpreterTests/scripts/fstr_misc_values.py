# f-strings formatting None, bools, containers, and values with width (str() then padding), !s/!r with specs.
print(f"[{None}] [{None!s:>6}] [{True}] [{True:>6}] [{False!r:<7}]")
print(f"[{[1, 2]}] [{(1, 'a')}] [{ {'k': 1} }] [{[1, 2]!s:>10}]")
print(f"[{'abc'!r:>8}] [{3.0!r}] [{1e20}] [{1e-7}] [{2 ** 64}]")
print(f"[{True:d}] [{True + 1}] [{1.5:g}] [{100000000.0:g}] [{1234.5:.3g}] [{0.00001234:.2g}]")
print(f"[{1e16:.0f}] [{1.5:.0f}] [{2.5:.0f}] [{-0.5:.0f}] [{1/3:.20f}]")
print(f"[{'é':>3}] [{'':*<3}]")
