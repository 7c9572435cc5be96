# dataclasses: field(repr=False), field(default=...), replace(), astuple, is_dataclass, nested dataclasses in asdict.
from dataclasses import dataclass, field, replace, astuple, asdict, is_dataclass
@dataclass
class Adapter:
    r: int = 8
    alpha: int = field(default=16)
    secret: str = field(default="hidden", repr=False)
    modules: list = field(default_factory=lambda: ["q_proj", "v_proj"])
@dataclass
class Run:
    name: str
    adapter: Adapter = field(default_factory=Adapter)
a = Adapter()
print(a, a.secret)
b = replace(a, r=4)
print(b, a.r, b == a)
print(astuple(b), is_dataclass(a), is_dataclass(Adapter), is_dataclass(3))
run = Run("exp1")
print(run)
print(asdict(run))
