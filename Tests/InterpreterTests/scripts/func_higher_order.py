# Higher-order functions: compose, pipelines with map/filter, functions returning functions, sorted with key funcs.
from functools import reduce
def compose(*fns):
    return lambda x: reduce(lambda acc, f: f(acc), fns, x)
clean = compose(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(clean("  Hello World  "))
def make_filter(min_len):
    return lambda w: len(w) >= min_len
words = ["a", "tree", "is", "green", "and", "tall"]
print(list(filter(make_filter(4), words)), list(map(len, words)))
def apply_all(fns, value):
    return [f(value) for f in fns]
print(apply_all([abs, str, lambda v: v * v, float], -3))
def counter_of(pred):
    def count(items):
        return sum(1 for i in items if pred(i))
    return count
count_long = counter_of(make_filter(4))
print(count_long(words))
print(sorted(words, key=lambda w: (-len(w), w)))
