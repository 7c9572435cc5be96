# Return values: implicit None, early return, multiple values as tuples, returning functions and containers.
def nothing():
    x = 1
def early(n):
    if n < 0:
        return "negative"
    for i in range(n):
        if i * i > n:
            return i
    return None
def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)
print(nothing(), early(-1), early(10), early(0))
lo, hi, mean = stats([4, 1, 9])
print(lo, hi, mean, stats([2]))
r = stats([1, 2])
print(type(r).__name__, r[2])
def bare():
    return
print(bare())
def maker():
    return [1, 2], {"k": (3,)}
lst, dct = maker()
lst.append(3)
print(lst, dct, maker()[0])
