# Polymorphism: a list of shapes with overridden methods, a base-class method using an overridden one, sorting by key.
import math
class Shape:
    name = "shape"
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area()")
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
class Circle(Shape):
    name = "circle"
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
class Rect(Shape):
    name = "rect"
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    name = "square"
    def __init__(self, s):
        super().__init__(s, s)
shapes = [Circle(1), Rect(2, 3), Square(1.5), Circle(0.5)]
for s in sorted(shapes, key=lambda s: s.area()):
    print(s.describe())
print(sum(s.area() for s in shapes if isinstance(s, Rect)))
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
