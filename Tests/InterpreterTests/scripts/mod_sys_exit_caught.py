# SystemExit from sys.exit can be caught: its code attribute for ints, strings, and None.
import sys
for arg in [0, 3, "fatal: message", None]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(type(e).__name__, repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("no arg ->", e.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
