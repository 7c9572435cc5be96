# global and nonlocal declarations; closures capture variables, not values.
count = 0
def bump():
    global count
    count += 1
bump(); bump()
print(count)
def make_counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(5), c2())
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed"
    inner()
    return x
print(outer())
def reader():
    return count * 10
print(reader())
def define_global():
    global NEW_NAME
    NEW_NAME = "made inside"
define_global()
print(NEW_NAME)
