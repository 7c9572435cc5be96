# repr of strings picks quotes like CPython; str() vs repr() of containers.
print(repr("plain"), repr("it's"), repr('say "x"'), repr("both ' \""))
print(repr("\n"), repr("\\"), repr("\t\r"))
print(str(["a", 'b"c', "d'e"]))
print({"k": "v'"})
print(("x",), ("x", 1))
print(repr(""), str(""), [""])
print(repr("ÿ"), repr("\x80"), repr("\xa0"), repr("\u2028"))
