# Tutorial: deterministic train/test split and batching of a list of examples without random.
examples = [{"id": i, "text": f"example {i}"} for i in range(10)]
test_size = 0.2
n_test = int(len(examples) * test_size)
test = [e for e in examples if e["id"] % 5 == 4][:n_test]
train = [e for e in examples if e not in test]
print(len(train), len(test), [e["id"] for e in test])
def batches(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]
for i, b in enumerate(batches(train, 3)):
    print(i, [e["id"] for e in b])
def to_columns(rows):
    cols = {}
    for r in rows:
        for k, v in r.items():
            cols.setdefault(k, []).append(v)
    return cols
print(to_columns(test))
num_steps = -(-len(train) // 3) * 2
print("steps for 2 epochs:", num_steps)
