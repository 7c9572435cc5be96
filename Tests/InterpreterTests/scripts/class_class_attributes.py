# Class attributes: shared mutable class attribute gotcha, counters, shadowing by instances, class-level constants.
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
a, b = Shared(), Shared()
a.add(1); b.add(2)
print(a.items, b.items, Shared.items, a.items is b.items)
class Own:
    def __init__(self):
        self.items = []
c, d = Own(), Own()
c.items.append(1)
print(c.items, d.items)
class Tracker:
    count = 0
    MAX = 3
    def __init__(self):
        Tracker.count += 1
        self.id = Tracker.count
    def __repr__(self):
        return f"Tracker#{self.id}/{self.MAX}"
ts = [Tracker() for _ in range(3)]
print(ts, Tracker.count)
ts[0].MAX = 99
print(ts[0], ts[1], Tracker.MAX)
