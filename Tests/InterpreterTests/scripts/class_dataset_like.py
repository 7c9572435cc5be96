# A datasets-like class: __getitem__ with int (row dict), str (column list) and slice (dict of lists), __len__, __iter__, __repr__.
class MiniDataset:
    def __init__(self, columns):
        self._cols = columns
    def __len__(self):
        return len(next(iter(self._cols.values()), []))
    def __getitem__(self, key):
        if isinstance(key, str):
            if key not in self._cols:
                raise KeyError(f"Column {key} not in the dataset. Current columns in the dataset: {list(self._cols)}")
            return list(self._cols[key])
        if isinstance(key, slice):
            return {k: v[key] for k, v in self._cols.items()}
        if isinstance(key, int):
            if not -len(self) <= key < len(self):
                raise IndexError(f"Index {key} out of range for dataset of size {len(self)}.")
            return {k: v[key] for k, v in self._cols.items()}
        raise TypeError(f"unsupported key type {type(key).__name__}")
    def __iter__(self):
        for i in range(len(self)):
            yield self[i]
    def __repr__(self):
        return f"Dataset({{\n    features: {list(self._cols)},\n    num_rows: {len(self)}\n}})"
ds = MiniDataset({"text": ["a", "b", "c"], "label": [0, 1, 0]})
print(ds)
print(len(ds), ds[0], ds[-1], ds["label"], ds[1:])
print([row["text"] for row in ds if row["label"] == 0])
for bad in ["missing", 7, 1.5]:
    try:
        ds[bad]
    except (KeyError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
