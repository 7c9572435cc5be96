# apply_chat_template(continue_final_message=True): the final (assistant) message is left open
# for the model to continue, as text and as ids; combining it with add_generation_prompt fails.
from transformers import AutoTokenizer

tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
chat = [{"role": "user", "content": "What is the capital of France?"}, {"role": "assistant", "content": "The capital is"}]
print(repr(tok.apply_chat_template(chat, tokenize=False, continue_final_message=True)))
print(tok.apply_chat_template(chat, continue_final_message=True)["input_ids"])
print(tok.apply_chat_template(chat, continue_final_message=True, return_tensors="pt")["input_ids"].shape)
try:
    tok.apply_chat_template(chat, tokenize=False, continue_final_message=True, add_generation_prompt=True)
except ValueError as e:
    print("ValueError:", str(e)[:60])
