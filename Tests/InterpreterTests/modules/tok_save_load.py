import os
from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
tok.add_special_tokens({"pad_token": "<pad>"})
tok.padding_side = "left"
out = "_golden_tmp_tok_save_load"
files = tok.save_pretrained(out)
print(files)
again = AutoTokenizer.from_pretrained(out)
print(len(again), again.pad_token, again.pad_token_id, type(again).__name__)
print(again("Hello world")["input_ids"] == tok("Hello world")["input_ids"])
print(again.chat_template == tok.chat_template)
for name in sorted(os.listdir(out)):
    os.remove(os.path.join(out, name))
os.rmdir(out)
print(os.path.exists(out))
try:
    AutoTokenizer()
except OSError as e:
    print("OSError", e)
