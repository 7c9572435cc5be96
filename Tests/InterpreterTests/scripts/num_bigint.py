# Arbitrary-size ints: powers, factorials, parsing, arithmetic beyond 64 bits.
print(2 ** 100)
print(2 ** 64, 2 ** 63 - 1, -(2 ** 63), 2 ** 64 - 1)
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(30))
print(fact(50) // fact(48))
print(int("9" * 30), int("9" * 30) + 1)
print(-int("123456789" * 4))
a = 10 ** 40 + 7
b = 10 ** 20 + 3
print(a // b, a % b, divmod(a, b), -a // b, -a % b)
print(a * b, a - b * b)
print((2 ** 200) >> 190, 1 << 100, (2 ** 100) & (2 ** 100 - 1), (2 ** 70) | 1)
print(len(str(2 ** 1000)), sum(int(d) for d in str(2 ** 1000)))
print(pow(2, 100, 1000007), pow(3, 200) % 10 ** 9)
print(hex(2 ** 80), bin(2 ** 65), abs(-(10 ** 30)))
print(2 ** 100 == 1267650600228229401496703205376, 2 ** 100 > 2 ** 99, float(2 ** 100))
print(2 ** 64 * 2 ** 64 == 2 ** 128, (10 ** 30) / (10 ** 10))
