# open() in text mode reads with universal newlines: "\r\n" and a lone "\r" both become "\n".
import os

path = "_golden_tmp_builtin_open_newlines.txt"
with open(path, "wb") as f:
    f.write(b"first\r\nsecond\rthird\nfourth")
with open(path) as f:
    text = f.read()
print(repr(text), len(text))
with open(path) as f:
    print([line for line in f])
os.remove(path)
