# Conversions between str and other types.
print(str(42), str(-3.5), str(True), str(None), str([1, "a"]))
print(int("42"), int("  -7 "), int("0x1f", 16), int("ff", 16), int("101", 2), int("1_000"))
print(float("3.25"), float("  -1e3 "), float("inf"), float("-inf"), float("nan"))
print(repr(str(1.0)), str(1e100), str(0.000001))
print(list("abc"), tuple("ab"), set("aa") == {"a"})
print(bool(""), bool(" "), bool("False"))
print(str(b"bytes"), repr("x"))
