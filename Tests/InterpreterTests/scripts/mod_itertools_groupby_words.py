# itertools.groupby on sorted data to bucket words, plus chain/islice/accumulate in a small report.
from itertools import groupby, chain, islice, accumulate
words = sorted("the quick brown fox jumps over the lazy dog then sleeps".split(), key=len)
for length, group in groupby(words, key=len):
    print(length, sorted(group))
runs = [(k, len(list(g))) for k, g in groupby([1, 1, 2, 2, 2, 1, 3, 3])]
print(runs)
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate(range(5), initial=100)))
pages = [["a", "b"], ["c"], ["d", "e", "f"]]
print(list(islice(chain(*pages), 1, 5)))
