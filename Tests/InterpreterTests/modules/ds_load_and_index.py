# load_dataset on local JSON Lines and CSV files: reprs, features, row/column/slice access.
from datasets import load_dataset

dd = load_dataset("json", data_files="data/reviews.jsonl")
print(dd)
ds = dd["train"]
print(ds.features)
print(ds[0])
print(ds[-1]["text"], ds[3:5])
print(ds["label"][:6], len(ds["text"]))
print(ds.column_names, ds.num_rows, len(ds))
csv = load_dataset("csv", data_files={"train": "data/qa.csv"}, split="train")
print(csv)
for row in csv:
    print(repr(row["question"]), row["answer"])
part = load_dataset("json", data_files="data/reviews.jsonl", split="train[:25%]")
print(part.num_rows, part[0]["stars"])
