# Tutorial: simple data cleaning: strip, normalise whitespace, drop empties/duplicates, filter by length.
import re
raw = [
    {"text": "  Hello   world  ", "label": "pos"},
    {"text": "", "label": "neg"},
    {"text": "Hello world", "label": "pos"},
    {"text": "Bad\tdata\n\nhere", "label": None},
    {"text": "ok", "label": "neg"},
    {"text": "A much longer example sentence.", "label": "neg"},
]
def clean(t):
    return re.sub(r"\s+", " ", t).strip()
seen = set()
cleaned = []
for row in raw:
    text = clean(row["text"])
    if not text or row["label"] is None or text.lower() in seen:
        continue
    seen.add(text.lower())
    cleaned.append({"text": text, "label": row["label"], "n_words": len(text.split())})
for row in cleaned:
    print(row)
keep = [r for r in cleaned if r["n_words"] >= 2]
print(len(raw), len(cleaned), len(keep))
by_label = {}
for r in keep:
    by_label.setdefault(r["label"], []).append(r["text"])
print(by_label)
print({k: len(v) for k, v in by_label.items()})
