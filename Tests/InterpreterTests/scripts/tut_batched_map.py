# Tutorial: a datasets-like map() over a dict of columns, batched and unbatched, with remove_columns.
columns = {"instruction": ["Add 1+1", "Capital of France?", "Say hi"], "output": ["2", "Paris", "hi"]}
def map_rows(cols, fn, remove_columns=()):
    n = len(next(iter(cols.values())))
    out = {k: list(v) for k, v in cols.items() if k not in remove_columns}
    for i in range(n):
        row = {k: cols[k][i] for k in cols}
        for k, v in fn(row).items():
            out.setdefault(k, []).append(v)
    return out
def map_batched(cols, fn, batch_size=2):
    n = len(next(iter(cols.values())))
    out = {}
    for start in range(0, n, batch_size):
        batch = {k: v[start:start + batch_size] for k, v in cols.items()}
        for k, v in fn(batch).items():
            out.setdefault(k, []).extend(v)
    return {**cols, **out}
print(map_rows(columns, lambda r: {"text": f"Q: {r['instruction']} A: {r['output']}"}, remove_columns=["instruction", "output"]))
print(map_batched(columns, lambda b: {"length": [len(x) for x in b["instruction"]]}))
print(map_rows(columns, lambda r: {"n_words": len(r["instruction"].split())})["n_words"])
