# chr, ord, hex, bin, oct, and int() parsing of their outputs; format() alternatives.
print(chr(65), chr(97), chr(8364), chr(0x1F600) == "\U0001F600", ord("A"), ord("€"), ord("\n"))
print(hex(255), hex(-255), hex(0), bin(10), bin(-10), oct(8), oct(0))
print(int(hex(12345), 16), int(bin(77), 2), int(oct(64), 8))
print([chr(ord("a") + i) for i in range(5)])
print("".join(chr(c) for c in [72, 105]))
print(format(255, "b"), format(255, "#06x"), format(-1, "x"))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) for c in "xyzabc")
print(caesar)
