from __future__ import annotations
import os, sys as system
from . import a
from ..pkg.mod import (b as c, d,)
x = y = 1; z += 2; w: int = 3
a, *b = c
[d, (e, f)] = g
del a, b[0], c.x
global q
assert x, "message"
raise ValueError("bad") from None
if x:
    pass
elif y: pass
else:
    x = 1
while x < 10:
    x += 1
    if x == 5: break
    continue
else:
    pass
for i, (j, k) in enumerate(pairs):
    print(i)
else:
    print("done")
try:
    risky()
except (KeyError, ValueError) as error:
    raise
except Exception:
    pass
else:
    ok()
finally:
    cleanup()
with open("f") as fh, lock:
    fh.read()
with (open("a") as a, open("b") as b,):
    pass
@decorator
@other.decorator(arg=1)
def f(a, b=2, /, c=3, *args, d, e=4, **kwargs) -> int:
    """Docstring."""
    nonlocal_thing = lambda x, y=1, *a, z, **k: x + y
    def g():
        nonlocal nonlocal_thing
        yield from range(3)
    return (yield)
class A(B, C, metaclass=Meta):
    """Class docstring."""
    attr: int = 0
    def method(self): return self.attr
match = 3
match.x = 4
type = 5
print(match, type)
