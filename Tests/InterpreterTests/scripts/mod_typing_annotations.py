# typing: Optional/Union/List annotations on dataclass fields and functions, NamedTuple, cast, TypeVar usage.
from dataclasses import dataclass, field
from typing import List, Optional, NamedTuple, Union, Dict, cast, TypeVar
T = TypeVar("T")
def first(xs: List[T]) -> Optional[T]:
    return xs[0] if xs else None
print(first([3, 4]), first([]))
@dataclass
class Example:
    text: str
    label: Optional[int] = None
    meta: Dict[str, Union[int, str]] = field(default_factory=dict)
print(Example("hi"), Example("x", 1, {"k": "v"}))
class Pair(NamedTuple):
    left: int
    right: str = "r"
p = Pair(1)
print(p, p.left, p.right, p._fields, Pair(2, "s") == (2, "s"))
print(cast(int, "not checked"))
