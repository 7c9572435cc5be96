# str methods: strip family, padding and alignment, zfill, expandtabs.
print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print("xxhixx".strip("x"), "abchicba".strip("abc"), "www.example.com".lstrip("w."))
print(repr("hi".center(7)), repr("hi".center(6, "*")), repr("hi".ljust(5, ".")), repr("hi".rjust(5)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print(repr("a\tb".expandtabs(4)))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "x".removeprefix("y"))
