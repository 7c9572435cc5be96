# Nested function definitions, recursion inside nested functions, functions defined in loops and conditionals.
def outer(n):
    def helper(k):
        return k * 2
    def rec(k):
        return 0 if k == 0 else k + rec(k - 1)
    return helper(n), rec(n)
print(outer(4))
if True:
    def chosen():
        return "first"
else:
    def chosen():
        return "second"
print(chosen())
handlers = {}
for name in ["a", "b"]:
    def handler(x, name=name):
        return f"{name}:{x}"
    handlers[name] = handler
print(handlers["a"](1), handlers["b"](2))
def counter_factory():
    count = 0
    def get():
        return count
    def inc():
        nonlocal count
        count += 1
    return get, inc
get, inc = counter_factory()
inc(); inc()
print(get())
