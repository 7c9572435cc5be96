# typing names are importable and usable in annotations; they do not change run-time behaviour.
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple, Union, Sequence, Mapping
import typing
def process(rows: List[Dict[str, Any]], key: str = "text", fn: Optional[Callable[[str], str]] = None) -> List[str]:
    out: List[str] = []
    for row in rows:
        value: Union[str, int] = row[key]
        out.append(fn(value) if fn else str(value))
    return out
print(process([{"text": "a"}, {"text": 3}], fn=None))
print(process([{"text": "b"}], fn=str.upper))
def pairs(xs: Sequence[int]) -> Iterator[Tuple[int, int]]:
    for i in range(len(xs) - 1):
        yield xs[i], xs[i + 1]
print(list(pairs([1, 2, 3])))
cfg: Mapping[str, int] = {"a": 1}
print(cfg, typing.TYPE_CHECKING)
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    print("never at run time")
def ident(x: "ForwardRef") -> "ForwardRef":
    return x
print(ident(5))
