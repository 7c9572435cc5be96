# %% [markdown]
# # Chat format: teaching a base model to take turns
#
# A base model has no notion of "user" and "assistant". `setup_chat_format` (TRL 0.7–0.19)
# gives the tokenizer the ChatML special tokens `<|im_start|>` and `<|im_end|>`, a chat
# template, and makes `<|im_end|>` the EOS and pad token; it grows the model's embeddings to
# the new vocabulary. `SFTTrainer` then renders each `messages` row with the template and
# trains on the whole conversation. We measure the held-out loss and look at replies before
# and after.

# %%
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, set_seed
from trl import SFTConfig, SFTTrainer, setup_chat_format

set_seed(0)
model = AutoModelForCausalLM.from_pretrained("sftnb/tiny-gpt2")
tokenizer = AutoTokenizer.from_pretrained("sftnb/tiny-gpt2")
print(len(tokenizer), model.get_input_embeddings())
model, tokenizer = setup_chat_format(model, tokenizer)
print(len(tokenizer), model.get_input_embeddings())
print(tokenizer.eos_token, tokenizer.pad_token, tokenizer.bos_token)

# %% [markdown]
# ## The template at work

# %%
chats = load_dataset("sftnb/chat")
example = chats["train"][0]["messages"][:2]
print(tokenizer.apply_chat_template(example, tokenize=False))

# %% [markdown]
# ## Replies before training

# %%
def reply(messages):
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=True)
    output = model.generate(**inputs, max_new_tokens=24, do_sample=False)
    return tokenizer.decode(output[0][inputs["input_ids"].shape[1]:], skip_special_tokens=True)

questions = [[{"role": "user", "content": "Spell the word tiger backwards."}],
             [{"role": "user", "content": "I just painted my car purple."}]]
for q in questions:
    print(q[0]["content"], "->", repr(reply(q)))

# %% [markdown]
# ## Training

# %%
args = SFTConfig(output_dir="chat-format-output", max_steps=80, per_device_train_batch_size=12,
                 learning_rate=3e-3, logging_steps=20, max_length=256, save_strategy="no",
                 report_to="none", use_cpu=True, bf16=False)
trainer = SFTTrainer(model=model, args=args, train_dataset=chats["train"], eval_dataset=chats["test"],
                     processing_class=tokenizer)
before = trainer.evaluate()["eval_loss"]
trainer.train()
after = trainer.evaluate()["eval_loss"]
print(f"held-out chat loss: {before:.3f} -> {after:.3f}")

# %% [markdown]
# ## Replies after training
# The model now answers in turn and stops at `<|im_end|>`.

# %%
model.eval()
for q in questions:
    print(q[0]["content"], "->", repr(reply(q)))
