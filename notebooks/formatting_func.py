# %% [markdown]
# # Formatting functions: build the training text from several columns
#
# `sftnb/code-instructions` has three columns — `instruction`, `input`, `output` — like
# CodeAlpaca. A `formatting_func` turns each row into the one text the model learns from.
# Today's TRL calls it once per example and expects a `str`; the 2024 tutorials wrote it for
# batches (`example['instruction'][i]`, returning a `list`). sftnb accepts both, and says
# clearly when a function returns anything else.

# %%
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, set_seed
from trl import SFTConfig, SFTTrainer

set_seed(0)
model = AutoModelForCausalLM.from_pretrained("sftnb/tiny-gpt2")
tokenizer = AutoTokenizer.from_pretrained("sftnb/tiny-gpt2")
data = load_dataset("sftnb/code-instructions")
print(data["train"][1])

# %% [markdown]
# ## One example at a time (today)

# %%
def formatting_func(example):
    prompt = f"### Question: {example['instruction']}\n"
    if example["input"]:
        prompt += f"### Input: {example['input']}\n"
    return prompt + f"### Answer: {example['output']}"

print(formatting_func(data["train"][1]))

# %% [markdown]
# ## A batch at a time (2024)
# The same texts, written the 2024 way. Both give identical training data.

# %%
def formatting_prompts_func(example):
    output_texts = []
    for i in range(len(example["instruction"])):
        text = f"### Question: {example['instruction'][i]}\n"
        if example["input"][i]:
            text += f"### Input: {example['input'][i]}\n"
        output_texts.append(text + f"### Answer: {example['output'][i]}")
    return output_texts

args = SFTConfig(output_dir="formatting-output", max_steps=100, per_device_train_batch_size=16,
                 learning_rate=3e-3, logging_steps=25, max_length=256, save_strategy="no",
                 report_to="none", use_cpu=True, bf16=False)
batched = SFTTrainer(model=model, args=args, train_dataset=data["train"], processing_class=tokenizer,
                     formatting_func=formatting_prompts_func)
trainer = SFTTrainer(model=model, args=args, train_dataset=data["train"], eval_dataset=data["test"],
                     processing_class=tokenizer, formatting_func=formatting_func)
print(trainer.train_dataset)
print(batched.train_dataset["input_ids"] == trainer.train_dataset["input_ids"])

# %% [markdown]
# ## Before and after
# Greedy answers to held-out questions, and the held-out loss.

# %%
def answer(question, given=""):
    prompt = f"### Question: {question}\n" + (f"### Input: {given}\n" if given else "") + "### Answer:"
    inputs = tokenizer(prompt, return_tensors="pt")
    output = model.generate(**inputs, max_new_tokens=40, do_sample=False, pad_token_id=tokenizer.eos_token_id)
    return tokenizer.decode(output[0][inputs["input_ids"].shape[1]:], skip_special_tokens=True)

questions = [(row["instruction"], row["input"]) for row in data["test"].select(range(3))]
for q, given in questions:
    print(q, given, "->", repr(answer(q, given)))
before = trainer.evaluate()["eval_loss"]

# %%
trainer.train()
after = trainer.evaluate()["eval_loss"]
print(f"held-out loss: {before:.3f} -> {after:.3f}")
model.eval()
for q, given in questions:
    print(q, given, "->", repr(answer(q, given)))
