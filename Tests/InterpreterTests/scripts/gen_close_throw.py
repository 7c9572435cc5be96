# Generator close() runs finally blocks; throw() raises inside the generator at the paused yield.
def worker():
    try:
        while True:
            try:
                job = yield
                print("job", job)
            except ValueError as e:
                print("recovered from", e)
    finally:
        print("worker closing")
w = worker()
next(w)
w.send("a")
w.throw(ValueError("bad job"))
w.send("b")
w.close()
print("closed")
def once():
    yield 1
g = once()
print(next(g))
g.close()
print(next(g, "nothing after close"))
