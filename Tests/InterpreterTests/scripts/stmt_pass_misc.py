# Misc statements: pass in all block kinds, expression statements, chained assignment, docstring-only bodies.
def nothing():
    pass
class Empty:
    pass
def doc_only():
    """Only a docstring."""
print(nothing(), doc_only(), Empty.__name__)
if False:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x = y = 5
y += 1
print(x, y)
"a bare string expression statement"
42
...
print(Ellipsis, ... is Ellipsis)
