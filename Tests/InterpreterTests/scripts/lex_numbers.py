# Lexing: number literals: hex, octal, binary, underscores, floats, exponent forms.
print(0x1F, 0o17, 0b1011, 0XFF)
print(1_000_000, 0x_ff, 1_0.5)
print(1., .5, 1e3, 1E-2, 3.14e+2)
print(0, 00, 0.0)
print(10**20)
print(type(1e3).__name__, type(10).__name__)
print(123456789012345678901234567890)
print(-5, +5, - -5, ~5)
