# datasets: flatten() turns dict (struct) columns into "column.field" columns, recursively; lists of dicts stay.
from datasets import Dataset

rows = [{"id": i, "meta": {"src": "gen", "info": {"len": i * 2, "ok": i % 2 == 0}}, "turns": [{"role": "user", "text": "hi"}]}
        for i in range(3)]
ds = Dataset.from_list(rows)
print(ds.features)
flat = ds.flatten()
print(flat.column_names)
print(flat.features)
print(flat[1])
print(ds.select([2, 0]).flatten()["meta.info.len"])
