# Tutorial: word counts with a dict, Counter, and sorting by frequency then alphabetically.
from collections import Counter
import re
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness."""
words = re.findall(r"[a-z']+", text.lower())
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for word, n in top:
    print(f"{word:<10}{n:>3}")
print(Counter(words).most_common(3))
print(len(words), len(counts), sum(counts.values()) == len(words))
lengths = {}
for w in set(words):
    lengths.setdefault(len(w), []).append(w)
print({k: sorted(v) for k, v in sorted(lengths.items())})
