# map (per example, batched, with indices, remove_columns), filter, select, sort, shuffle and split.
from datasets import load_dataset, Dataset

ds = load_dataset("json", data_files="data/reviews.jsonl", split="train")

def formatting(example):
    return {"prompt": f"### Review: {example['text']}\n### Sentiment:", "completion": " positive" if example["label"] else " negative"}

pc = ds.map(formatting, remove_columns=["text", "label"])
print(pc)
print(pc[0])
lengths = ds.map(lambda batch: {"n": [len(t) for t in batch["text"]]}, batched=True, batch_size=7)
print(lengths["n"][:5])
indexed = ds.map(lambda ex, i: {"i": i}, with_indices=True)
print(indexed["i"][-3:])
good = ds.filter(lambda ex: ex["label"] == 1)
print(good.num_rows, good[0]["text"])
print(ds.select([5, 1, 3])["stars"][:3])
print(ds.sort("stars")["stars"][:4], ds.sort("stars", reverse=True)[0]["stars"])
print(ds.shuffle(seed=42)["text"][:2])
split = ds.train_test_split(test_size=0.25, seed=7)
print(split)
print(split["test"]["text"][0])
small = Dataset.from_list([{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
print(small, small.to_dict(), small.to_list())
print(Dataset.from_dict({"q": ["hi", "yo"], "n": [1.5, 2.0]}).features)
print(small.rename_column("a", "id").column_names, small.remove_columns("b").column_names)
print(small.add_column("c", [True, False])[1])
