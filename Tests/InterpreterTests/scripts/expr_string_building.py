# String building idioms: += in loops, join of lists, multiplication, str() of mixed values, repr in messages.
out = ""
for i in range(5):
    out += str(i) + ("," if i < 4 else "")
print(out)
parts = []
for word in ["alpha", "beta", "gamma"]:
    parts.append(word[:2].upper() + word[2:])
print(" ".join(parts), "-" * 10)
value = 3.5
msg = "value=" + str(value) + " type=" + type(value).__name__ + " repr=" + repr("q")
print(msg)
lines = [f"{i}: {'#' * i}" for i in range(1, 4)]
print("\n".join(lines))
print(str(1) + str(2.0) + str(None) + str([3]))
csv = "\n".join(",".join(str(c) for c in row) for row in [[1, "a"], [2, "b"]])
print(csv)
