# f-strings: integer specs: width, alignment, fill, sign, grouping, bases, #.
n = 255
print(f"{n:>8}|{n:<8}|{n:^8}|{n:08}|{n:*^9}|")
print(f"{n:+d}|{-n:+d}|{n: d}|{n:d}")
print(f"{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}|{n:#b}|{n:#o}")
print(f"{1234567:,}|{1234567:_}|{0xdeadbeef:_x}|{-1234567:,}")
print(f"{n:08b}|{5:03}|{-5:04}|{-5:=+6}|")
print(f"{2**70:,}")
print(f"{True:d}|{65:c}")
print(f"{42:10.3f}|")
