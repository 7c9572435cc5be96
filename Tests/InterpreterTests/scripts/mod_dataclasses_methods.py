# dataclasses with methods, __post_init__, ordering (order=True), inheritance of fields.
from dataclasses import dataclass, field
@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    def total(self):
        return self.price * self.qty
    def __post_init__(self):
        self.name = self.name.strip().title()
items = [Item("  apple ", 0.5, 4), Item("pear", 0.75)]
print(items, [i.total() for i in items])
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(1, 2), Version(0, 9), Version(1)]), Version(1) < Version(1, 1))
@dataclass
class Base:
    a: int
    b: str = "b"
@dataclass
class Child(Base):
    c: list = field(default_factory=lambda: [0])
print(Child(1), Child(2, "x", [3]), Child(1) == Child(1))
print(repr(Item("x", 1.0)))
