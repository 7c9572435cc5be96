# functools.lru_cache with maxsize, cache_info hits/misses, cache_clear; functools.cache.
import functools
@functools.lru_cache(maxsize=2)
def square(n):
    print("computing", n)
    return n * n
for n in [1, 2, 1, 3, 1, 2]:
    square(n)
info = square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)
square.cache_clear()
print(square.cache_info().currsize)
@functools.cache
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(90))
