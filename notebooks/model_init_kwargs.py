# %% [markdown]
# # `model_init_kwargs`: how the trainer loads the model
#
# When `SFTTrainer` gets a model *name*, it loads the model itself with
# `AutoModelForCausalLM.from_pretrained(name, **model_init_kwargs)`. The tutorials use this to
# load in bfloat16: `model_init_kwargs={"torch_dtype": torch.bfloat16}` stores every weight in
# 2 bytes instead of 4. sftnb keeps bf16 as a storage type — the arithmetic still runs in
# float32 — so memory halves while the training numbers stay close to a float32 run.

# %%
import torch
from datasets import load_dataset
from transformers import set_seed
from trl import SFTConfig, SFTTrainer

reviews = load_dataset("sftnb/movie-reviews")

def run(init_kwargs):
    set_seed(0)
    args = SFTConfig(output_dir="init-kwargs-output", max_steps=60, per_device_train_batch_size=8,
                     learning_rate=1e-3, logging_steps=20, max_length=128, model_init_kwargs=init_kwargs,
                     save_strategy="no", report_to="none", use_cpu=True, bf16=False)
    return SFTTrainer("sftnb/tiny-llama", args=args, train_dataset=reviews["train"],
                      eval_dataset=reviews["test"].select(range(100)))

full = run(None)
half = run({"torch_dtype": torch.bfloat16})
for name, trainer in [("float32", full), ("bfloat16", half)]:
    print(f"{name:9s} dtype {trainer.model.dtype}, {trainer.model.get_memory_footprint() / 1024:.0f} KB of weights")
print("ratio:", half.model.get_memory_footprint() / full.model.get_memory_footprint())

# %% [markdown]
# ## Training both
# AdamW updates each bf16 weight through float32 and rounds it back, as PyTorch does for a
# bf16 model; the losses track the float32 run closely.

# %%
for name, trainer in [("float32", full), ("bfloat16", half)]:
    trainer.train()
    losses = [round(h["loss"], 3) for h in trainer.state.log_history if "loss" in h]
    print(f"{name:9s} train losses {losses}, eval loss {trainer.evaluate()['eval_loss']:.3f}")

# %% [markdown]
# ## Saving
# A bf16 model saves in bf16: the safetensors file is half the size.

# %%
import os
full.save_model("init-kwargs-output/float32")
half.save_model("init-kwargs-output/bfloat16")
for name in ["float32", "bfloat16"]:
    print(name, os.path.getsize(f"init-kwargs-output/{name}/model.safetensors") // 1024, "KB")
