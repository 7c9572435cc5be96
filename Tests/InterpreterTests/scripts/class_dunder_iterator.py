# Iterator protocol on user classes: __iter__ returning self, __next__ raising StopIteration.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(3)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
for v in Countdown(2):
    print("loop", v)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(3)
print(list(r), list(r), sum(r), max(r))
it = iter(Range2(2))
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
