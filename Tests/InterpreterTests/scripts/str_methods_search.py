# str methods: find/rfind/index/count/startswith/endswith/in.
s = "banana bandana"
print(s.find("an"), s.rfind("an"), s.find("xyz"), s.find("an", 5), s.find("an", 2, 4))
print(s.index("band"), s.rindex("a"))
print(s.count("an"), s.count("a"), s.count(""), "aaaa".count("aa"))
print(s.startswith("ban"), s.startswith(("x", "b")), s.endswith("ana"), s.endswith("an", 0, 6))
print("nan" in s, "xyz" not in s, "" in s)
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError", e)
