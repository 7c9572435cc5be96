# Tutorial: turning a conversation (list of role/content dicts) into ChatML text by hand.
messages = [
    {"role": "system", "content": "You are helpful."},
    {"role": "user", "content": "Hi!"},
    {"role": "assistant", "content": "Hello, how can I help?"},
]
def to_chatml(msgs, add_generation_prompt=False):
    parts = [f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in msgs]
    if add_generation_prompt:
        parts.append("<|im_start|>assistant\n")
    return "".join(parts)
print(to_chatml(messages), end="")
print(repr(to_chatml(messages[:2], add_generation_prompt=True)))
roles = [m["role"] for m in messages]
print(roles, roles.count("user"), all(set(m) == {"role", "content"} for m in messages))
dataset = [{"messages": messages}, {"messages": messages[1:]}]
print([len(to_chatml(ex["messages"])) for ex in dataset])
