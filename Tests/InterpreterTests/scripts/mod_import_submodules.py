# Importing submodules and names from packages: os.path via os, collections names, json.decoder error class.
import os
import collections
import json
from json import JSONDecodeError
print(os.path.join("a", "b") == os.path.join("a", "b"), callable(os.path.basename))
print(collections.Counter("aa")["a"], collections.OrderedDict(a=1), type(collections.defaultdict(list)).__name__)
print(JSONDecodeError is json.JSONDecodeError, issubclass(JSONDecodeError, ValueError))
import itertools, functools
print(list(itertools.islice(itertools.count(), 3)), functools.reduce(lambda a, b: a * b, [2, 3]))
from os import path as p, sep
print(p.basename("x/y.txt"), sep == os.sep)
