# Container dunders: __len__, __getitem__ (ints and slices), __setitem__, __contains__, __iter__, __delitem__.
class Bag:
    def __init__(self, *items):
        self._items = list(items)
    def __len__(self):
        return len(self._items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Bag(*self._items[i])
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __delitem__(self, i):
        del self._items[i]
    def __contains__(self, v):
        print("contains called")
        return v in self._items
    def __iter__(self):
        return iter(self._items)
    def __repr__(self):
        return f"Bag{tuple(self._items)}"
b = Bag("a", "b", "c", "d")
print(len(b), b[0], b[-1], b[1:3], bool(b), bool(Bag()))
b[0] = "A"
del b[1]
print(b, "c" in b, "z" in b)
print(list(b), [x * 2 for x in b], sorted(b, reverse=True))
a, *rest = b
print(a, rest)
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares())
