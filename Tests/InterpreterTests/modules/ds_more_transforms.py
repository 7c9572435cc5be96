# datasets: batched filter (with indices, zipped flags), take/skip/shard, unique, select_columns order,
# DatasetDict built by hand and its per-split methods, flatten_indices.
from datasets import Dataset, DatasetDict

ds = Dataset.from_list([{"text": f"row {i}", "label": i % 3, "score": i / 4} for i in range(11)])
print(ds.filter(lambda b: [l > 0 for l in b["label"]], batched=True, batch_size=4)["label"])
print(ds.filter(lambda b, idx: [i % 2 == 0 for i in idx], batched=True, with_indices=True)["text"])
print(len(ds.filter(lambda b: [True], batched=True, batch_size=3)))
print(len(ds.filter(None)), ds.filter(lambda x, k: x["label"] == k, fn_kwargs={"k": 2})["score"])
print(ds.take(3)["text"], ds.skip(9)["text"], len(ds.skip(50)))
print([ds.shard(num_shards=3, index=i)["label"] for i in range(3)], ds.shard(4, 1, contiguous=False)["text"])
print(ds.unique("label"), ds.shuffle(seed=1).unique("label"))
print(ds.select_columns(["score", "text"]).column_names)
dd = DatasetDict({"train": ds, "test": ds.select([0, 1])})
dd["validation"] = ds.take(2)
print(dd)
print(dd.filter(lambda x: x["label"] == 1).num_rows)
print(dd.remove_columns("score").column_names["test"], dd.rename_column("text", "prompt")["train"].column_names)
print(DatasetDict(train=ds.take(1))["train"][0], list(dd))
print(ds.select([5, 2]).flatten_indices()["text"])
for bad in (lambda: ds.unique("nope"), lambda: ds.shard(2, 2), lambda: ds.select_columns(["nope"])):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    ds["nope"]
except ValueError as e:
    print("ValueError:", e)
