# Lexing: escape sequences \n \t \\ \' \" \xNN \uNNNN \0 and their reprs.
s = "a\nb\tc\\d\'e\"f"
print(s)
print(repr(s))
print(len(s))
print("\x41\x42\x7a")
print("\u00e9\u65e5\u672c")
print(repr("\x00\x01\x1f\x7f"))
print(ord("\n"), ord("\t"), ord("\\"), ord("\0"))
print("line1\
line2")
print(repr("\r\n"))
print("\u03b1")
print(repr("tab\there"))
print(repr("é"), repr("\u200b"))
