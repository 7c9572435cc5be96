# %% [markdown]
# # Completion-only loss: learn the answer, not the question
#
# With prompt/completion data, TRL trains only on the completion by default
# (`completion_only_loss=None` means "on for prompt/completion data"): the prompt's tokens get
# the label `-100` and add nothing to the loss. In 2024 the same idea needed a collator,
# `DataCollatorForCompletionOnlyLM`, which finds a response template such as `" Answer:"` in
# each tokenized text. This notebook shows both, prints the masks, and measures the effect:
# held-out exact-match accuracy on `sftnb/prompt-completion` (arithmetic, unit conversions,
# letter counting) before and after training `sftnb/tiny-gpt2`.

# %%
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, set_seed
from trl import SFTConfig, SFTTrainer, DataCollatorForCompletionOnlyLM

set_seed(0)
model = AutoModelForCausalLM.from_pretrained("sftnb/tiny-gpt2")
tokenizer = AutoTokenizer.from_pretrained("sftnb/tiny-gpt2")
data = load_dataset("sftnb/prompt-completion")
print(data)
print(data["train"][0])

# %% [markdown]
# ## Exact match before training
# Greedy decoding of each held-out prompt; an answer counts when the generated text, up to
# the end-of-sequence token, equals the completion.

# %%
def exact_match(rows):
    hits = 0
    for row in rows:
        inputs = tokenizer(row["prompt"], return_tensors="pt")
        output = model.generate(**inputs, max_new_tokens=8, do_sample=False, pad_token_id=tokenizer.eos_token_id)
        answer = tokenizer.decode(output[0][inputs["input_ids"].shape[1]:], skip_special_tokens=True)
        hits += answer.strip() == row["completion"].strip()
    return hits / len(rows)

held_out = data["test"].select(range(100))
print("exact match before:", exact_match(held_out))

# %% [markdown]
# ## What the loss sees
# The trainer's prepared data set has `input_ids` and `labels`; `-100` marks tokens the loss
# ignores. For a prompt/completion row, only the completion (and its EOS) is learned.

# %%
args = SFTConfig(output_dir="completion-only-output", max_steps=300, per_device_train_batch_size=32,
                 learning_rate=3e-3, logging_steps=25, save_strategy="no", report_to="none",
                 use_cpu=True, bf16=False)
trainer = SFTTrainer(model=model, args=args, train_dataset=data["train"], processing_class=tokenizer)
row = trainer.train_dataset[0]
for token_id, label in zip(row["input_ids"], row["labels"]):
    print(f"{tokenizer.decode([token_id])!r:>12}  {'learned' if label != -100 else 'masked'}")

# %% [markdown]
# ## The 2024 way: `DataCollatorForCompletionOnlyLM`
# With one text per example, the collator masks everything up to the end of the response
# template. sftnb finds the template by its characters too, so a template that tokenizes
# differently in context (a classic pitfall) is still found.

# %%
tokenizer.pad_token = tokenizer.eos_token
collator = DataCollatorForCompletionOnlyLM(" Answer:", tokenizer=tokenizer)
texts = ["Question: Compute: 2 + 3 = Answer: 5", "Question: Convert: 2000 g to kg = Answer: 2"]
batch = collator([tokenizer(t)["input_ids"] for t in texts])
for ids, labels in zip(batch["input_ids"].tolist(), batch["labels"].tolist()):
    print([tokenizer.decode([i]) for i, l in zip(ids, labels) if l != -100])

# %% [markdown]
# ## Training and the effect

# %%
trainer.train()
model.eval()
print("exact match after:", exact_match(held_out))
