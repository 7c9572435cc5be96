from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
tok.chat_template = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n"
    "{% if enable_thinking is defined and enable_thinking is false %}<think>\n\n</think>\n\n{% endif %}{% endif %}"
)
messages = [{"role": "user", "content": "Hi"}]
print(repr(tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)))
print(repr(tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True, enable_thinking=False)))
print(tok.apply_chat_template(messages, add_generation_prompt=True, enable_thinking=False))
print(tok.apply_chat_template(messages, add_generation_prompt=True, enable_thinking=True, return_dict=False))
