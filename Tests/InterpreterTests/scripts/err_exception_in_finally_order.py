# finally blocks run (and print) while an uncaught exception propagates.
def inner():
    try:
        print("inner body")
        raise RuntimeError("inner failure")
    finally:
        print("inner finally")
def outer():
    try:
        inner()
    finally:
        print("outer finally")
outer()
