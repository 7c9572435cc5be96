# Attribute access on instances, classes, modules and built-in values; chained access.
import math
class Node:
    kind = "node"
    def __init__(self, value, child=None):
        self.value = value
        self.child = child
n = Node(1, Node(2, Node(3)))
print(n.value, n.child.value, n.child.child.value, n.child.child.child)
print(n.kind, Node.kind, math.pi, "abc".upper().lower())
n.child.value = 20
n.extra = "dynamic"
print(n.child.value, n.extra)
Node.kind = "changed"
print(n.kind, n.child.kind)
n.kind = "instance"
print(n.kind, Node.kind, n.child.kind)
print(getattr(n, "value"), getattr(n, "missing", "dflt"), hasattr(n, "extra"))
print([1, 2].count(1), (3).__add__(4), "-".join(["a", "b"]))
