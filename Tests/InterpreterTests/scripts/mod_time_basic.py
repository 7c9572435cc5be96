# time: perf_counter and time() increase; sleep(0) works; only properties are printed.
import time
t0 = time.perf_counter()
total = sum(range(10000))
time.sleep(0)
t1 = time.perf_counter()
print(total, t1 >= t0, isinstance(t1 - t0, float))
now = time.time()
print(now > 1_600_000_000, isinstance(now, float))
m0 = time.monotonic()
print(time.monotonic() >= m0)
