# collections.OrderedDict: order, move_to_end, popitem(last=False), equality semantics; namedtuple basics.
from collections import OrderedDict, namedtuple, deque
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od))
od.move_to_end("b")
print(list(od.keys()))
od.move_to_end("c", last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), tuple(p))
dq = deque([1, 2, 3], maxlen=4)
dq.appendleft(0); dq.append(4)
print(dq)
print(dq.popleft(), dq.pop(), list(dq))
