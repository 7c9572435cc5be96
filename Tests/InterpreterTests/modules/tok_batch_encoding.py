from transformers import AutoTokenizer, BatchEncoding

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
enc = tok(["Hello world", "Hi"])
print(isinstance(enc, BatchEncoding), type(enc).__name__)
print(dict(enc))
print(enc.get("input_ids"), enc.get("missing"), enc.get("missing", 0))
print([k for k in enc])
print(enc.to("cpu") is enc)
enc["labels"] = [list(x) for x in enc["input_ids"]]
print(enc)


def show(input_ids=None, attention_mask=None, labels=None):
    print("show", input_ids, attention_mask, labels)


show(**enc)
try:
    enc["missing"]
except KeyError as e:
    print("KeyError:", e)
print({"a": 1, **enc}.keys())
print(enc.data == dict(enc), type(enc.data).__name__)
