from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
tok.pad_token = tok.eos_token
print(tok.pad([tok("Hello world"), tok("Hi")]))
print(tok.pad([{"input_ids": [5, 6, 7]}, {"input_ids": [8]}], return_tensors="pt"))
print(tok.pad({"input_ids": [[5, 6, 7], [8]]}, padding="max_length", max_length=5))
print(tok.pad([{"input_ids": [5, 6, 7], "labels": [1, 2, 3]}, {"input_ids": [8], "labels": [4]}]))
print(tok.pad({"input_ids": [5, 6]}, padding="max_length", max_length=4))
print(tok.pad([{"input_ids": [5, 6, 7]}, {"input_ids": [8]}], pad_to_multiple_of=4, return_attention_mask=False))
tok.padding_side = "left"
print(tok.pad([{"input_ids": [5, 6, 7], "attention_mask": [1, 1, 1]}, {"input_ids": [8], "attention_mask": [1]}]))
try:
    tok.pad([{"labels": [1]}])
except ValueError as e:
    print("ValueError:", e)
