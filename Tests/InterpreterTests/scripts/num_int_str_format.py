# Converting ints to strings: str, repr, format with grouping/bases; parsing strings back with int(..., base).
for n in [0, 7, -42, 255, 65536, 10 ** 12, -(2 ** 63)]:
    print(str(n), f"{n:,}", format(n, "x"), format(n, "#o"), f"{n:>15_}")
print(int("-0b101", 0), int("  +17  "), int("7" * 25) % 1000, int("zz", 36), int("Ab", 16))
for bad in ["", "1.0", "0x10", "1 2"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError", e)
print(str(10 ** 30)[:5], len(str(-(10 ** 30))), repr(10 ** 20))
