# typing: Literal, Any, Iterable, Generator, Protocol-free duck typing; annotations on class attributes and lambdas' hosts.
from typing import Any, Literal, Iterable, Generator, Dict, List, Optional
Mode = Literal["train", "eval"]
def step(mode: Mode, batch: Iterable[int]) -> Dict[str, Any]:
    values: List[int] = list(batch)
    return {"mode": mode, "n": len(values), "sum": sum(values)}
print(step("train", range(4)), step("eval", [5]))
def countdown(n: int) -> Generator[int, None, str]:
    while n > 0:
        yield n
        n -= 1
    return "liftoff"
print(list(countdown(3)))
class Trainer:
    state: Optional[dict] = None
    steps: int = 0
    def __init__(self, steps: int) -> None:
        self.steps: int = steps
print(Trainer(5).steps, Trainer.steps, Trainer.state)
