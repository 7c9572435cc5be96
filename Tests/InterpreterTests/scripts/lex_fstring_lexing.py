# Lexing of f-strings: braces, colons inside brackets and strings, lambdas in parentheses, dict literals with spaces.
d = {"a:b": 1}
print(f"{d['a:b']}")
items = [1, 2, 3]
print(f"{items[1:]}", f"{items[::2]!r}")
print(f"{(lambda x: x * 2)(4)}")
print(f"{'a' if True else 'b'}")
print(f"{ {'k': 1}['k'] }", f"{ 1 + 1 }")
w = 5
print(f"{'x':{w}}|{'y':<{w}}|{3.14159:.{w - 3}f}")
print(f"""triple {w}
second line {w * 2}""")
print(f'single {"double inside"}')
print(f"{3!r:>4}|{'s'!r:^5}|")
