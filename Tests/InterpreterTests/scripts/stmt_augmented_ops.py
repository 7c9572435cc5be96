# All augmented assignment operators on ints, floats, strings, lists, sets and dicts (|=).
x = 17
for op in ["+=3", "-=1", "*=2", "//=5", "%=4", "**=3", "<<=2", ">>=1", "&=0xF", "|=0x10", "^=0b11"]:
    if op.startswith("+"): x += 3
    elif op.startswith("-"): x -= 1
    elif op.startswith("**"): x **= 3
    elif op.startswith("*"): x *= 2
    elif op.startswith("//"): x //= 5
    elif op.startswith("%"): x %= 4
    elif op.startswith("<<"): x <<= 2
    elif op.startswith(">>"): x >>= 1
    elif op.startswith("&"): x &= 0xF
    elif op.startswith("|"): x |= 0x10
    else: x ^= 0b11
    print(op, x)
f = 1.5
f /= 2; f **= 2; f -= 0.0625
print(f)
s = {1, 2}
s |= {3}; s &= {2, 3, 4}; s -= {2}; s ^= {5}
print(sorted(s))
d = {"a": 1}
d |= {"b": 2}
print(d)
