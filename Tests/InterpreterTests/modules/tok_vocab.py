from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
vocab = tok.get_vocab()
print(len(vocab), vocab["Hello"], vocab["<|im_start|>"])
print(sorted(vocab.items(), key=lambda kv: kv[1])[:5])
print(sorted(vocab.items(), key=lambda kv: kv[1])[-3:])
for text in ["", " ", "a", "Hello, world!", "café", "1234 56.78", "\n\nnew lines\t"]:
    ids = tok(text)["input_ids"]
    print(repr(text), ids, repr(tok.decode(ids)))
print(tok.decode(318), tok.decode([]))
