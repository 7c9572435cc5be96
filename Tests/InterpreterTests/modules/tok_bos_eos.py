from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
print(tok("Hello world")["input_ids"])
tok.add_eos_token = True
print(tok.add_eos_token, tok("Hello world")["input_ids"], tok("Hello world", add_special_tokens=False)["input_ids"])
tok.add_bos_token = True
print(tok("Hello world")["input_ids"], tok.encode("Hi"))
print(tok.decode(tok.encode("Hi"), skip_special_tokens=True))
print(tok("Hi", return_special_tokens_mask=True))
t2 = AutoTokenizer.from_pretrained("tiny-tokenizer", add_bos_token=True)
print(t2("Hi")["input_ids"])
print(tok("Hello world again", truncation=True, max_length=3)["input_ids"])
tok.truncation_side = "left"
print(tok(["Hello world again", "Hi"], truncation=True, max_length=4)["input_ids"])
