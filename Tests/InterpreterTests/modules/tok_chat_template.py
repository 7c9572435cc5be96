from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
messages = [
    {"role": "system", "content": "You are a helpful assistant."},
    {"role": "user", "content": "What is the capital of France?"},
    {"role": "assistant", "content": "Paris."},
]
text = tok.apply_chat_template(messages, tokenize=False)
print(repr(text))
print(repr(tok.apply_chat_template(messages[:2], tokenize=False, add_generation_prompt=True)))
out = tok.apply_chat_template(messages)
print(type(out).__name__)
print(out)
print(out["input_ids"] == tok.encode(text, add_special_tokens=False))
print(tok.apply_chat_template(messages[:2], add_generation_prompt=True, return_dict=False))
print(tok.apply_chat_template(messages[:2], return_tensors="pt"))
batch = tok.apply_chat_template([messages[:1], messages[1:2]], tokenize=False)
print(batch)
tok.pad_token = tok.eos_token
print(tok.apply_chat_template([messages[:1], messages[1:2]], padding=True))
print(tok.chat_template == open("tiny-tokenizer/chat_template.jinja").read())
tok.chat_template = "{% for m in messages %}[{{ m['role'] }}] {{ m['content'] }}{{ eos_token }}{% endfor %}"
print(tok.apply_chat_template(messages, tokenize=False))
print(tok.apply_chat_template(messages[:1], tokenize=False, chat_template="{{ messages[0]['content'] | upper }}"))
tok.chat_template = None
try:
    tok.apply_chat_template(messages)
except ValueError as e:
    print("ValueError:", str(e)[:70])
