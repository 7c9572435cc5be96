# Values: str is a sequence of code points: len, indexing, slicing, case on non-ASCII.
s = "日本語"
print(len(s), s[0], s[-1], s[1:])
print("straße".upper(), "ÉCOLE".lower(), "ñandú".title())
print(len("héllo"), "héllo"[1])
print("🙂 ok"[0], len("🙂"))
print("αβγ"[::-1])
print("Ünïcödé".lower())
print(sorted("dacb"))
print(list("日本"))
print(ord("語"), chr(35486), chr(233))
print("é" < "z", "a" < "é")
print("x".join("日本語"))
