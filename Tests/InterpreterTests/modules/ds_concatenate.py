# concatenate_datasets: rows (axis 0, columns unioned, types checked) and columns (axis 1).
from datasets import Dataset, concatenate_datasets

a = Dataset.from_dict({"x": [1, 2], "y": ["a", "b"]})
b = Dataset.from_dict({"x": [3], "z": [0.5]})
c = concatenate_datasets([a, b])
print(c, c[:], c.features)
print(concatenate_datasets([a]) is a, concatenate_datasets([a, a])["x"][:])
nulls = Dataset.from_dict({"x": [None, None]})
print(concatenate_datasets([nulls, a]).features, concatenate_datasets([a, nulls])[:])
print(concatenate_datasets([a, Dataset.from_dict({"w": [9, 8]})], axis=1)[:])
for parts, axis in (([a, Dataset.from_dict({"x": ["s"]})], 0), ([a, Dataset.from_dict({"x": [1.5]})], 0),
                    ([], 0), ([a, Dataset.from_dict({"w": [9]})], 1), ([a, Dataset.from_dict({"x": [7, 8]})], 1),
                    ([a, a], 1), ([a, {"x": [1]}], 0)):
    try:
        concatenate_datasets(parts, axis=axis)
    except ValueError as e:
        print("ValueError:", e)
