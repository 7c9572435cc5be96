# Tutorial: a hyper-parameter grid with itertools.product, run names, and a fake score table sorted by score.
import itertools
grid = {"learning_rate": [1e-4, 2e-5], "lora_r": [8, 16], "packing": [False, True]}
runs = []
for values in itertools.product(*grid.values()):
    cfg = dict(zip(grid.keys(), values))
    name = "lr{learning_rate:.0e}-r{lora_r}-{p}".format(p="pack" if cfg["packing"] else "nopack", **cfg)
    score = round(1 / (cfg["learning_rate"] * 1e4 + cfg["lora_r"] / 8 + (0.5 if cfg["packing"] else 0)), 4)
    runs.append((name, score))
print(len(runs))
for name, score in sorted(runs, key=lambda r: -r[1])[:4]:
    print(f"{name:<22}{score:>8.4f}")
best = max(runs, key=lambda r: r[1])
print("best:", best)
