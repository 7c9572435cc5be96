# itertools: chain, chain.from_iterable, islice (start/stop/step), count, repeat, cycle (bounded), takewhile.
import itertools
from itertools import chain, islice
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable([[1], [2, 3], []])))
print(list(islice(range(100), 5)), list(islice(range(100), 2, 12, 3)), list(islice("abc", 1, None)))
print(list(islice(itertools.count(10, 5), 4)), list(itertools.repeat("x", 3)))
print(list(islice(itertools.cycle("ab"), 5)))
print(list(itertools.takewhile(lambda x: x < 4, [1, 3, 5, 2])), list(itertools.dropwhile(lambda x: x < 4, [1, 3, 5, 2])))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 3)), next(it))
