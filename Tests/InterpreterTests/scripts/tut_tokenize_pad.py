# Tutorial: a toy whitespace tokenizer with a vocabulary, special tokens, truncation, padding and attention masks.
corpus = ["the cat sat", "the dog sat down", "a cat"]
specials = ["<pad>", "<unk>", "<eos>"]
vocab = {tok: i for i, tok in enumerate(specials)}
for sentence in corpus:
    for word in sentence.split():
        vocab.setdefault(word, len(vocab))
print(vocab)
def encode(text, max_length=None):
    ids = [vocab.get(w, vocab["<unk>"]) for w in text.split()] + [vocab["<eos>"]]
    return ids[:max_length] if max_length else ids
def pad_batch(batch, side="right"):
    width = max(len(ids) for ids in batch)
    out = {"input_ids": [], "attention_mask": []}
    for ids in batch:
        pad = [vocab["<pad>"]] * (width - len(ids))
        mask = [1] * len(ids)
        if side == "right":
            out["input_ids"].append(ids + pad); out["attention_mask"].append(mask + [0] * len(pad))
        else:
            out["input_ids"].append(pad + ids); out["attention_mask"].append([0] * len(pad) + mask)
    return out
batch = [encode(s) for s in ["the cat sat down", "a bird", "dog"]]
print(batch)
print(pad_batch(batch))
print(pad_batch(batch, side="left")["input_ids"])
print(encode("the cat sat down", max_length=3))
inverse = {i: t for t, i in vocab.items()}
print(" ".join(inverse[i] for i in batch[1]))
