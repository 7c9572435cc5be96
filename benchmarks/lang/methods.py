# Benchmark: ~10^6 method calls and attribute accesses on class instances.
class Counter:
    def __init__(self):
        self.value = 0

    def add(self, n):
        self.value += n
        return self

    def get(self):
        return self.value


class Scaled(Counter):
    def __init__(self, factor):
        super().__init__()
        self.factor = factor

    def add(self, n):
        return super().add(n * self.factor)


c = Counter()
s = Scaled(2)
for i in range(250000):
    c.add(i)
    s.add(1)
    if c.get() < 0:
        break
print(c.get(), s.get(), s.value)
