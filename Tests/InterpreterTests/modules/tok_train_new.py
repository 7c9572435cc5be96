from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
corpus = ["the cat sat on the mat", "the dog sat on the log", "cats and dogs are friends"] * 10


def batches():
    for i in range(0, len(corpus), 4):
        yield corpus[i:i + 4]


new = tok.train_new_from_iterator(batches(), vocab_size=300, show_progress=False)
print(type(new).__name__, len(new), new.vocab_size)
print(new.tokenize("the cat sat on the log"))
print(new("the cat sat")["input_ids"])
print(new.decode(new.encode("cats and dogs")))
print(new.eos_token, new.eos_token_id, new.bos_token_id)
new2 = tok.train_new_from_iterator(corpus, 280, new_special_tokens=["<sep>"], show_progress=False)
print(len(new2), new2.convert_tokens_to_ids("<sep>"), new2.tokenize("the mat<sep>the log"))
