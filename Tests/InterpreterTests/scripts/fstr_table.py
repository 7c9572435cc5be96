# f-strings used to render a small aligned table (typical notebook output).
data = [
    {"step": 10, "loss": 2.345678, "lr": 5e-05},
    {"step": 20, "loss": 1.9, "lr": 4.5e-05},
    {"step": 100, "loss": 0.123456, "lr": 1e-06},
]
header = f"{'Step':>6} | {'Loss':>8} | {'LR':>10}"
print(header)
print("-" * len(header))
for row in data:
    print(f"{row['step']:>6} | {row['loss']:>8.4f} | {row['lr']:>10.2e}")
total = sum(r["loss"] for r in data)
print(f"{'mean':>6} | {total / len(data):>8.4f} |")
print(f"trainable%: {100 * 294912 / 124734720:.4f}")
