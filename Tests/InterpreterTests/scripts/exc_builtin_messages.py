# Messages of common built-in exceptions, printed as `type(e).__name__, e`.
def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: undefined_name)
show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: [1, 2][5])
show(lambda: (1,)[-2])
show(lambda: {"a": 1}["b"])
show(lambda: {1: 1}[2])
show(lambda: {(1, 2): 0}[(3, 4)])
show(lambda: int("x"))
show(lambda: int("3.5"))
show(lambda: float("abc"))
show(lambda: None.x)
show(lambda: "s".nope)
show(lambda: [].pop())
show(lambda: {}.popitem())
show(lambda: [1].index(2))
show(lambda: [].remove(3))
show(lambda: next(iter([])))
show(lambda: chr(-1))
half = 1.5
show(lambda: "abc"[half])
