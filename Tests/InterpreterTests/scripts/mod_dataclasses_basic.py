# dataclasses.dataclass: generated __init__/__repr__/__eq__, defaults, field(default_factory), asdict, frozen.
from dataclasses import dataclass, field, asdict, fields
@dataclass
class TrainConfig:
    output_dir: str
    learning_rate: float = 2e-05
    epochs: int = 3
    tags: list = field(default_factory=list)
    seed: int = 42
a = TrainConfig("out")
b = TrainConfig("out", epochs=1, tags=["x"])
print(a)
print(b)
print(a == TrainConfig("out"), a == b, a.learning_rate, b.tags)
a.tags.append("shared?")
print(TrainConfig("new").tags)
print(asdict(b))
print([f.name for f in fields(TrainConfig)])
@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0
p = Point(1)
print(p, hash(p) == hash(Point(1, 0)), {p: "ok"}[Point(1)])
try:
    p.x = 5
except Exception as e:
    print(type(e).__name__)
try:
    TrainConfig()
except TypeError as e:
    print("TypeError", e)
