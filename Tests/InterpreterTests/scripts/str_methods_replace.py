# str methods: replace (with count), translate via maketrans, encode.
s = "one two one two one"
print(s.replace("one", "1"))
print(s.replace("one", "1", 2))
print("abc".replace("", "-"))
print("hello".replace("l", ""))
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table))
print("hello world".translate(str.maketrans("", "", "lo")))
print("tab\tsep".replace("\t", " | "))
