# Generators reading a file lazily line by line, with a running filter and early stop.
import os
path = "_golden_tmp_gen_lazy_file.txt"
with open(path, "w") as f:
    for i in range(1, 21):
        f.write(f"line {i}: {'even' if i % 2 == 0 else 'odd'}\n")
def read_lines(p):
    with open(p) as f:
        for line in f:
            yield line.rstrip("\n")
def grep(lines, word):
    for line in lines:
        if word in line:
            yield line
evens = grep(read_lines(path), "even")
for n, line in enumerate(evens):
    if n == 3:
        break
    print(line)
print(sum(1 for _ in grep(read_lines(path), "odd")))
evens.close()
os.remove(path)
print(os.path.exists(path))
