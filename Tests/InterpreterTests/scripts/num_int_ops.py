# int arithmetic, bitwise ops, bool as int, int() conversions.
print(3 + 4 * 2, (3 + 4) * 2, 2 ** 3 ** 2, -3 ** 2, 10 - 2 - 3)
print(6 & 3, 6 | 3, 6 ^ 3, ~6, 1 << 4, 256 >> 3, -16 >> 2, -1 >> 10)
print(True + True, True * 10, False - 1, sum([True, True, False]))
print(int(3.9), int(-3.9), int(True), int("  12 "), int("-0"), int(1e20))
print(int("z", 36), int("0b101", 0), int("0o17", 0), int("0x10", 0), int("10", 0))
print(abs(-5), abs(5), -(-5), +3)
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7; x <<= 2; x >>= 1; x |= 1; x &= 7; x ^= 2
print(x)
print((5).bit_length(), (255).bit_length(), (0).bit_length(), (-5).bit_length())
print(round(1234, -2), round(1250, -2), round(1350, -2), round(7))
print(isinstance(True, int), type(True + 1).__name__)
