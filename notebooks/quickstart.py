# %% [markdown]
# # Quickstart: supervised fine-tuning in five cells
#
# This is the first example of the TRL documentation, on a CPU: take a small base model,
# give `SFTTrainer` a data set of plain text, train, and look at what changed.
# The code is the Python you would run with `transformers` and `trl`; sftnb runs it with its
# own interpreter and training engine.
#
# The base model is `sftnb/tiny-gpt2` (1.2M parameters, bundled). `notebooks/pretrain_tiny.sftnb`
# pretrained it on code and chat utterances only: it has never seen a movie review. We
# fine-tune it on the *positive* reviews of `sftnb/movie-reviews` for 150 steps and measure
# what changed: the loss on held-out positive reviews, and what it writes after a review's
# opening words.

# %%
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, set_seed
from trl import SFTConfig, SFTTrainer

set_seed(0)
model = AutoModelForCausalLM.from_pretrained("sftnb/tiny-gpt2")
tokenizer = AutoTokenizer.from_pretrained("sftnb/tiny-gpt2")
reviews = load_dataset("sftnb/movie-reviews")
train = reviews["train"].filter(lambda row: row["label"] == 1)
test = reviews["test"].filter(lambda row: row["label"] == 1).select(range(100))
print(train)
print(train[0]["text"])

# %% [markdown]
# ## Before training
# Greedy continuations of a review opening, from the base model.

# %%
def continue_text(prompt, n=30):
    inputs = tokenizer(prompt, return_tensors="pt")
    output = model.generate(**inputs, max_new_tokens=n, do_sample=False, pad_token_id=tokenizer.eos_token_id)
    return tokenizer.decode(output[0][inputs["input_ids"].shape[1]:], skip_special_tokens=True)

for prompt in ["I saw \"The Silent Archive\" last night.", "What a"]:
    print(repr(prompt), "->", repr(continue_text(prompt)))

# %% [markdown]
# ## Training
# `SFTConfig` holds the training arguments; `SFTTrainer` tokenizes the `text` column
# (appending the EOS token), batches it and runs AdamW with a linear schedule.
# The progress bar shows steps, the loss and tokens per second.

# %%
args = SFTConfig(output_dir="quickstart-output", max_steps=150, per_device_train_batch_size=8,
                 learning_rate=2e-3, logging_steps=25, max_length=128, eval_strategy="steps", eval_steps=75,
                 save_strategy="no", report_to="none", use_cpu=True, bf16=False)
trainer = SFTTrainer(model=model, args=args, train_dataset=train, eval_dataset=test, processing_class=tokenizer)
before = trainer.evaluate()["eval_loss"]
result = trainer.train()
after = trainer.evaluate()["eval_loss"]
print(f"held-out loss on positive reviews: {before:.3f} -> {after:.3f}")

# %% [markdown]
# ## The loss curve
# `trainer.state.log_history` holds every log entry; plotting it is one line.

# %%
import matplotlib.pyplot as plt

history = trainer.state.log_history
plt.figure(figsize=(6, 3.5))
plt.plot([h["step"] for h in history if "loss" in h], [h["loss"] for h in history if "loss" in h], "o-", label="train")
plt.plot([h["step"] for h in history if "eval_loss" in h], [h["eval_loss"] for h in history if "eval_loss" in h], "s--", label="eval")
plt.xlabel("step")
plt.ylabel("loss")
plt.title("quickstart: tiny-gpt2 on positive reviews")
plt.legend()
plt.show()

# %% [markdown]
# ## After training
# The same prompts: the continuations now read like the reviews it was trained on.

# %%
model.eval()
for prompt in ["I saw \"The Silent Archive\" last night.", "What a"]:
    print(repr(prompt), "->", repr(continue_text(prompt)))
