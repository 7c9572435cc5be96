# open(): write, append, read, readline(s), iteration over lines, with-statement; cleanup with os.remove.
import os
path = "_golden_tmp_builtin_open.txt"
with open(path, "w") as f:
    n = f.write("first line\n")
    f.write("second line\n")
    f.writelines(["third\n", "fourth"])
print("wrote", n)
with open(path) as f:
    print(repr(f.read()))
with open(path, "a", encoding="utf-8") as f:
    f.write("\nappended é")
with open(path, encoding="utf-8") as f:
    print(repr(f.readline()))
    print(f.readlines())
with open(path, "r", encoding="utf-8") as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"))
with open(path, encoding="utf-8") as f:
    lines = f.read().splitlines()
print(len(lines), lines[-1])
print(os.path.exists(path))
os.remove(path)
print(os.path.exists(path))
try:
    open("_golden_tmp_does_not_exist.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e)
