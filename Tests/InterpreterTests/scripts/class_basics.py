# Classes: __init__, methods, instance vs class attributes, __repr__/__str__, __class__.__name__.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
print(p, p.norm2(), p.moved(1), p.moved(dy=2, dx=0), Point.dims, p.dims)
print(repr(p), str(p), [p], {"p": p})
print(type(p).__name__, p.__class__.__name__, isinstance(p, Point), type(p) is Point)
print(Point.norm2(p), Point.__name__)
print(vars(p), p.__dict__)
class Plain:
    pass
print(type(Plain()).__name__, Plain.__name__, type(Plain))
