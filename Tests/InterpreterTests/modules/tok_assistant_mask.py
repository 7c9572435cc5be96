from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
template = (
    "{% for message in messages %}"
    "{% if message['role'] == 'assistant' %}"
    "{{ '<|im_start|>assistant\n' }}{% generation %}{{ message['content'] + '<|im_end|>' }}{% endgeneration %}{{ '\n' }}"
    "{% else %}{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>\n' }}{% endif %}"
    "{% endfor %}"
)
messages = [
    {"role": "user", "content": "Hi there"},
    {"role": "assistant", "content": "Hello! How are you?"},
    {"role": "user", "content": "Fine."},
    {"role": "assistant", "content": "Good."},
]
out = tok.apply_chat_template(messages, chat_template=template, return_assistant_tokens_mask=True, return_dict=True)
print(list(out.keys()))
print(out["input_ids"])
print(out["assistant_masks"])
kept = [i for i, m in zip(out["input_ids"], out["assistant_masks"]) if m]
print(repr(tok.decode(kept)))
