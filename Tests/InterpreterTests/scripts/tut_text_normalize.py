# Tutorial: text normalisation: lowercasing, punctuation stripping with translate, unicode-aware splitting, n-grams.
import re
text = "Héllo, World! It's a NEW day... Numbers: 3.14 & 42."
lower = text.lower()
no_punct = re.sub(r"[^\w\s']", " ", lower)
tokens = no_punct.split()
print(tokens)
table = str.maketrans({c: None for c in ",.!&:"})
print(text.translate(table))
bigrams = list(zip(tokens, tokens[1:]))
print(bigrams[:4])
print([" ".join(tokens[i:i + 3]) for i in range(0, len(tokens) - 2, 3)])
print(sum(1 for t in tokens if t.isdigit()), max(tokens, key=len), sorted(set(tokens))[:3])
