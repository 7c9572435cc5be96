# sys.stdout and print interleave in order; sys.stdout.write returns the count; writing non-ASCII.
import sys
print("one", end=" ")
sys.stdout.write("two ")
print("three")
count = sys.stdout.write("日本語\n")
print(count)
print("to", "stdout", sep="|", file=sys.stdout)
out = sys.stdout
out.write("via alias\n")
for i in range(3):
    sys.stdout.write(f"{i}")
sys.stdout.write("\n")
print(type(sys.argv).__name__, isinstance(sys.argv[0], str))
