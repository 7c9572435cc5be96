# Comprehensions over strings: character classes, word lengths, acronyms, caesar shift, dedup preserving order.
text = "Natural Language Processing with Transformers"
print([w[0] for w in text.split()], "".join(w[0] for w in text.split() if w[0].isupper()))
print({w: len(w) for w in text.lower().split() if len(w) > 4})
print(sorted({c for c in text.lower() if c.isalpha()})[:8])
seen = set()
print([c for c in "mississippi" if not (c in seen or seen.add(c))])
print(list(dict.fromkeys("mississippi")))
print(["".join(sorted(w)) for w in ["listen", "silent", "enlist"]])
print([i for i, c in enumerate("banana") if c == "a"])
