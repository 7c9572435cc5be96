from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
tok.pad_token = tok.eos_token
enc = tok(["Hello world", "Hi"], padding=True, return_tensors="pt")
print(enc)
print(enc["input_ids"].shape, enc.input_ids.dtype)
print(enc["input_ids"][0], enc["input_ids"][1, -1], enc["attention_mask"].tolist())
one = tok("Hello world", return_tensors="pt")
print(one)
print(one.input_ids.shape, one.input_ids[0].tolist())
print(tok.encode("Hello world", return_tensors="pt"))
print(tok.decode(one["input_ids"][0]))
print(tok.batch_decode(enc["input_ids"], skip_special_tokens=True))
try:
    tok(["Hello world", "Hi"], return_tensors="pt")
except ValueError as e:
    print("ValueError:", str(e)[:60])
print(tok("Hi", return_offsets_mapping=True, return_special_tokens_mask=True, return_length=True))
print(tok(["Hi", "Hello"], return_offsets_mapping=True))
# BatchEncoding is a UserDict: its views print the whole mapping.
print(one.keys())
print(one.items())
print(len(one.values()), list(one.keys()), "input_ids" in one.keys(), [k for k, _ in one.items()])
print(type(one.keys()).__name__, type(one.values()).__name__)
