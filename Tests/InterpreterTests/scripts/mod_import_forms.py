# Import forms: import x, import x as y, from x import a, b as c, from x import *, module attributes.
import math
import json as j
from collections import Counter, defaultdict as dd
from os.path import join, basename as bn
import os.path
from math import *
print(math.sqrt(9), j.dumps([1]), Counter("aab")["a"], dd(int)["x"], join("a", "b"), bn("/x/y"))
print(os.path.splitext("f.py")[1], floor(2.7), pi == math.pi)
print(type(math).__name__, math.__name__, j.__name__)
import math as m2
print(m2 is math)
def local_import():
    import re
    return re.sub("a", "b", "aaa")
print(local_import())
try:
    import module_that_does_not_exist_sftnb
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import not_a_name
except ImportError as e:
    print(type(e).__name__)
