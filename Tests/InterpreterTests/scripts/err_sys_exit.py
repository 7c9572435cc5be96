# sys.exit(3): SystemExit leaves with exit status 3 and no traceback; output so far is kept.
import sys
print("before exit")
sys.stdout.flush()
def main():
    print("in main")
    sys.exit(3)
main()
print("not reached")
