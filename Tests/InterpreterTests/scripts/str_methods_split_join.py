# str methods: split/rsplit/splitlines/partition/rpartition/join.
print("a,b,,c".split(","))
print("  a  b\tc\n".split())
print("a b c d".split(" ", 2))
print("a b c d".rsplit(" ", 1))
print("".split(), "".split(","))
print("line1\nline2\r\nline3".splitlines())
print("x\ny\n".splitlines(), "x\ny\n".splitlines(True))
print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("novalue".partition("="))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(str(i) for i in range(3)))
try:
    "-".join([1, 2])
except TypeError as e:
    print("TypeError", e)
