# Lexing: raw strings keep backslashes literally.
print(r"a\nb")
print(len(r"a\nb"))
print(r'C:\path\to\file')
print(repr(r"\d+\.\d*"))
print(R"upper R prefix \t")
print(r"""raw
triple \n""")
print(r"\"" == '\\"')
