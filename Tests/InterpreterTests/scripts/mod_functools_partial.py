# functools: partial (positional and keyword, attributes), reduce, lru_cache, wraps, cmp_to_key.
import functools
from functools import partial, reduce
def power(base, exp, mod=None):
    return pow(base, exp, mod) if mod else base ** exp
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(7), two_to(10), two_to(10, mod=1000), square(3, exp=3))
print(square.func.__name__, square.args, square.keywords, two_to.args)
print(reduce(lambda a, b: a * b, [1, 2, 3, 4, 5]), reduce(lambda a, b: a + b, [], 0), reduce(max, [3, 9, 2]))
calls = []
@functools.lru_cache(maxsize=None)
def slow_fib(n):
    calls.append(n)
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(60), len(calls))
def by_len_then_alpha(a, b):
    return (len(a) - len(b)) or ((a > b) - (a < b))
print(sorted(["bb", "a", "ab", "c"], key=functools.cmp_to_key(by_len_then_alpha)))
int_base2 = partial(int, base=2)
print(int_base2("1010"), list(map(partial(power, exp=3), [1, 2, 3])))
