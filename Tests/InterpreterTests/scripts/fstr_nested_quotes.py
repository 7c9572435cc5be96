# f-strings: nested f-strings, dict lookups with other quotes, calls with keyword args.
names = ["x", "y"]
print(f"{', '.join(f'<{n}>' for n in names)}")
cfg = {"lr": 0.001, "name": "run"}
print(f"{cfg['name']}-{cfg['lr']:.0e}")
print(f"{'%s' % 'percent'}")
print(f"{sorted([3, 1, 2], reverse=True)}")
print(f"{(lambda v: v * 2)(21)}")
print(f"{ {'a': 1}['a'] }")
print(f"{'{'}{'}'}")
width = 6
print(f"{f'{3:>{width}}'!r}")
