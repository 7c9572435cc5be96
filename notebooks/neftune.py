# %% [markdown]
# # NEFTune: noisy embeddings during fine-tuning
#
# NEFTune adds uniform noise to the input embeddings while training — and only while
# training: evaluation and generation see clean embeddings. The noise is drawn from
# U(−m, m) with m = alpha / sqrt(L · d), L the batch's sequence length and d the hidden
# size, so longer sequences and wider models get smaller per-coordinate noise.
# `neftune_noise_alpha=5` is the value the tutorials use. Here we train the same model on the
# same data twice, with and without noise, and compare loss and accuracy.

# %%
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, set_seed
from trl import SFTConfig, SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("sftnb/tiny-gpt2")
data = load_dataset("sftnb/code-instructions")

def formatting_func(example):
    return f"### Question: {example['instruction']}\n### Input: {example['input']}\n### Answer: {example['output']}"

def run(alpha):
    set_seed(0)
    args = SFTConfig(output_dir="neftune-output", max_steps=80, per_device_train_batch_size=16,
                     learning_rate=3e-3, logging_steps=40, max_length=256, neftune_noise_alpha=alpha,
                     save_strategy="no", report_to="none", use_cpu=True, bf16=False)
    trainer = SFTTrainer(model="sftnb/tiny-gpt2", args=args, train_dataset=data["train"],
                         eval_dataset=data["test"].select(range(100)), processing_class=tokenizer,
                         formatting_func=formatting_func)
    trainer.train()
    return trainer, trainer.evaluate()

# %%
clean, clean_eval = run(None)
noisy, noisy_eval = run(5)

# %% [markdown]
# ## Comparison
# The training loss is computed on noisy embeddings, so it runs higher with NEFTune; the
# held-out loss and accuracy (always noise-free) show what the model learned.

# %%
for name, trainer, metrics in [("no noise", clean, clean_eval), ("alpha = 5", noisy, noisy_eval)]:
    train_losses = [round(h["loss"], 3) for h in trainer.state.log_history if "loss" in h]
    print(f"{name:10s} train loss {train_losses}  eval loss {metrics['eval_loss']:.3f}  "
          f"eval accuracy {metrics['eval_mean_token_accuracy']:.3f}")

# %% [markdown]
# ## Noise is for training only
# After training, the model evaluates the same twice in a row: no noise leaks into evaluation.

# %%
print(noisy.evaluate()["eval_loss"] == noisy_eval["eval_loss"])
