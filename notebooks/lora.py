# %% [markdown]
# # LoRA: train a few percent of the weights, keep a small adapter
#
# LoRA freezes the base model and learns, next to chosen dense layers, a low-rank update
# `B·A` scaled by `lora_alpha / r`. `SFTTrainer(peft_config=LoraConfig(...))` wraps the model
# with `get_peft_model`; only the adapters get gradients and optimizer state, so steps are
# cheaper, and `save_model` writes only the adapter in PEFT's layout. Afterwards
# `merge_and_unload` folds the update into the base weights.

# %%
import os
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, set_seed
from peft import LoraConfig, PeftModel
from trl import SFTConfig, SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("sftnb/tiny-gpt2")
reviews = load_dataset("sftnb/movie-reviews")
train = reviews["train"].filter(lambda row: row["label"] == 1)
test = reviews["test"].filter(lambda row: row["label"] == 1).select(range(100))

set_seed(0)
config = LoraConfig(r=8, lora_alpha=32, lora_dropout=0.0, target_modules=["c_attn", "c_fc"], task_type="CAUSAL_LM")
args = SFTConfig(output_dir="lora-output", max_steps=80, per_device_train_batch_size=8, learning_rate=3e-3,
                 logging_steps=20, max_length=128, save_strategy="no", report_to="none", use_cpu=True, bf16=False)
trainer = SFTTrainer(model="sftnb/tiny-gpt2", args=args, train_dataset=train, eval_dataset=test,
                     processing_class=tokenizer, peft_config=config)
trainer.model.print_trainable_parameters()

# %% [markdown]
# ## Training

# %%
before = trainer.evaluate()["eval_loss"]
lora_out = trainer.train()
after = trainer.evaluate()["eval_loss"]
print(f"held-out loss on positive reviews: {before:.3f} -> {after:.3f}")

# %% [markdown]
# ## Speed against full fine-tuning
# The same job without `peft_config`. Frozen weights need no weight gradients and no AdamW
# state, so each LoRA step does less work — how much less depends on how much of a step the
# adapted layers take (in a model this small, the output layer over the vocabulary is a large
# share). Timings vary, so `sftnb test` skips this output.

# %%
# NBVAL_IGNORE_OUTPUT
set_seed(0)
full = SFTTrainer(model="sftnb/tiny-gpt2", args=args, train_dataset=train, processing_class=tokenizer)
full_out = full.train()
print(f"full fine-tune: {full_out.metrics['train_runtime'] / 80 * 1000:.0f} ms/step")
print(f"LoRA:           {lora_out.metrics['train_runtime'] / 80 * 1000:.0f} ms/step")

# %% [markdown]
# ## The adapter on disk
# PEFT's files and key names: `adapter_config.json` and `adapter_model.safetensors` with
# keys such as `base_model.model.transformer.h.0.attn.c_attn.lora_A.weight`. `peft` loads
# them in Python too.

# %%
trainer.save_model("lora-output/adapter")
for name in sorted(os.listdir("lora-output/adapter")):
    print(name)
print(os.path.getsize("lora-output/adapter/adapter_model.safetensors") // 1024, "KB adapter")

# %% [markdown]
# ## Loading and merging
# `PeftModel.from_pretrained` puts the adapter on a fresh base model; `merge_and_unload`
# folds it in, giving a plain model with the same outputs.

# %%
base = AutoModelForCausalLM.from_pretrained("sftnb/tiny-gpt2")
loaded = PeftModel.from_pretrained(base, "lora-output/adapter")
inputs = tokenizer("What a charming film", return_tensors="pt")
with_adapter = loaded(**inputs).logits[0, -1].tolist()
merged = loaded.merge_and_unload()
plain = merged(**inputs).logits[0, -1].tolist()
print(type(merged).__name__, "logits agree:", max(abs(a - b) for a, b in zip(with_adapter, plain)) < 1e-4)
