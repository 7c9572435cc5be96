# collections.deque (rotate, extendleft, maxlen sliding window) and namedtuple (defaults, _make, unpacking).
from collections import deque, namedtuple
d = deque()
d.append(1); d.append(2); d.appendleft(0); d.extend([3, 4]); d.extendleft([-1, -2])
print(d, len(d), d[0], d[-1])
d.rotate(2)
print(list(d))
d.rotate(-3)
print(list(d))
window = deque(maxlen=3)
sums = []
for x in [1, 2, 3, 4, 5]:
    window.append(x)
    sums.append(sum(window))
print(sums, window)
Row = namedtuple("Row", "id text label", defaults=[None])
r = Row(1, "hi")
print(r, Row._make([2, "yo", 1]), r._fields)
i, text, label = r
print(i, text, label, r == (1, "hi", None), r.count(None))
