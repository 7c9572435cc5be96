# Lexing: adjacent string literals are joined at compile time, across lines too.
print("abc" "def")
print('a' "b" '''c''')
x = ("one "
     "two "
     'three')
print(x)
print(len("ab" "cd"))
print(f"f{1}" "plain" f"{2}")
print(r"\n" "\n" == "\\n\n")
