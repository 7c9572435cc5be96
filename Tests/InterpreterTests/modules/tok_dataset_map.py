from datasets import Dataset
from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
tok.pad_token = tok.eos_token
ds = Dataset.from_dict({"text": ["Hello world", "The quick brown fox", "Hi"]})


def tokenize(batch):
    # dict(...): sftnb's Dataset.map does not yet take a BatchEncoding as the returned row.
    return dict(tok(batch["text"], truncation=True, max_length=4, padding="max_length"))


out = ds.map(tokenize, batched=True, remove_columns=["text"])
print(out.column_names, out.num_rows)
print(out[0])
print(out["input_ids"])


def chat(example):
    messages = [{"role": "user", "content": example["text"]}]
    return {"prompt": tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)}


print(ds.map(chat)["prompt"])
