# Generator pipelines: read -> clean -> filter -> batch, all lazy.
lines = ["  Alpha ", "", "beta", "# comment", "Gamma  ", "delta", "  ", "epsilon"]
def cleaned(src):
    for line in src:
        yield line.strip()
def non_empty(src):
    for line in src:
        if line and not line.startswith("#"):
            yield line
def batched(src, n):
    batch = []
    for item in src:
        batch.append(item)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch
for b in batched(non_empty(cleaned(lines)), 2):
    print(b)
print(list(enumerate(x.lower() for x in non_empty(cleaned(lines)))))
