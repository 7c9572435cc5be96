# Generator expressions consumed by builtins and methods: join, dict, set, sorted, min/max key, any/all short-circuit.
data = ["ant", "Bee", "cat", "Dog", "eel"]
print("+".join(w.lower() for w in data if len(w) == 3))
print(dict((w, len(w)) for w in data[:2]), sorted((w for w in data), key=str.lower))
print(min((w for w in data), key=lambda w: w.lower()), max(len(w) for w in data))
checked = []
def is_upper(w):
    checked.append(w)
    return w[0].isupper()
print(any(is_upper(w) for w in data), checked)
checked.clear()
print(all(is_upper(w) for w in data), checked)
print(list(x for x in range(3)), tuple(c for c in "ab"), sum(i for i in range(4)) / 2)
print(" ".join(str(n) for n in range(5) if n % 2 == 0), [i for i in (j * 2 for j in range(3))])
