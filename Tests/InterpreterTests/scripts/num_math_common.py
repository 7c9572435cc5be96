# Numeric helpers: divmod, pow, abs, sum with start, min/max across types, int/float mixing.
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(pow(2, 10), pow(2.0, 3), pow(10, -1), pow(4, 0.5))
print(sum([1, 2, 3], 10), sum([0.5, 0.25]), sum([], 0), sum(range(101)))
print(max([3, 1.5, 2]), min(3, 1.5, 2), max(-0.0, 0), abs(-0.0))
print(1 + 2.0, 3 * 1.0, 2 ** 2.0, 7 // 2.0, 10 / 5)
print(0.1 + 0.2 + 0.3, (0.1 + 0.2) + 0.3, 0.1 + (0.2 + 0.3))
print(hash(1) == hash(1.0), 1 in {1.0}, {1: "a", 1.0: "b"})
