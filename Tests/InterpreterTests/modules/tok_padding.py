from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
texts = ["Hello world", "Hi", "The quick brown fox jumps over the lazy dog."]
try:
    tok(texts, padding=True)
except ValueError as e:
    print("ValueError:", e)
tok.pad_token = tok.eos_token
print(tok.pad_token, tok.pad_token_id)
print(tok(texts, padding=True))
print(tok(texts, padding="longest", return_attention_mask=False))
print(tok(texts, padding="max_length", max_length=12))
print(tok(texts, padding="max_length", truncation=True, max_length=6))
print(tok(texts, truncation=True, max_length=4))
tok.padding_side = "left"
print(tok.padding_side)
print(tok(texts, padding=True))
tok.truncation_side = "left"
print(tok(texts, truncation=True, max_length=3))
print(tok("Hello world", padding="max_length", max_length=5))
print(tok(texts, padding=True, pad_to_multiple_of=8)["input_ids"])
print(tok(texts, padding=True, padding_side="right")["attention_mask"])
