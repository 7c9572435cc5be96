# time: deterministic conversions of fixed timestamps with gmtime/strftime; elapsed-time formatting of fixed values.
import time
t = time.gmtime(0)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, time.strftime("%Y-%m-%d %H:%M:%S", t))
print(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1700000000)))
def fmt_elapsed(seconds):
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h:02d}:{m:02d}:{s:02d}"
print([fmt_elapsed(x) for x in [0, 59.9, 61, 3600, 86399]])
start = time.perf_counter()
elapsed = time.perf_counter() - start
print(elapsed >= 0, fmt_elapsed(elapsed)[:2])
