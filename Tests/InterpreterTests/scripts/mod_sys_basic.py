# sys: argv[0] basename, stdout.write return value, version_info comparisons, maxsize, modules import.
import sys
import os
print(os.path.basename(sys.argv[0]), len(sys.argv))
n = sys.stdout.write("written without newline")
sys.stdout.write("\n")
print(n)
sys.stderr.write("stderr is not compared\n")
print(sys.version_info >= (3, 8), sys.version_info[0], type(sys.maxsize).__name__, sys.maxsize > 2 ** 31)
print(isinstance(sys.path, list), "sys" in sys.modules)
print(sys.getrecursionlimit() >= 1000)
sys.stdout.flush()
print("done")
