# %% [markdown]
# # Packing: no more training on padding
#
# Short examples padded to the longest one in their batch waste compute on pad tokens.
# With `packing=True`, TRL's default `bfd` strategy (best-fit decreasing) fills rows of
# `max_length` tokens with whole examples; the attention of each example stays inside it and
# its positions restart, so the model sees exactly what it would see unpacked — minus the
# padding. (`packing_strategy="wrapped"` instead concatenates everything and cuts every
# `max_length` tokens, splitting examples.) Here we measure the padding share and the real
# tokens per second with and without packing.

# %%
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, set_seed
from trl import SFTConfig, SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("sftnb/tiny-gpt2")
reviews = load_dataset("sftnb/movie-reviews", split="train")

def run(packing):
    set_seed(0)
    model = AutoModelForCausalLM.from_pretrained("sftnb/tiny-gpt2")
    args = SFTConfig(output_dir="packing-output", max_steps=30, per_device_train_batch_size=8, max_length=256,
                     packing=packing, learning_rate=1e-3, logging_steps=30, save_strategy="no",
                     report_to="none", use_cpu=True, bf16=False)
    trainer = SFTTrainer(model=model, args=args, train_dataset=reviews, processing_class=tokenizer)
    output = trainer.train()
    return trainer, output

# %% [markdown]
# ## What the rows look like
# Unpacked, each row is one review; packed, each row holds several, and `seq_lengths`
# records where each starts.

# %%
plain, plain_out = run(packing=False)
packed, packed_out = run(packing=True)
print(plain.train_dataset)
print(packed.train_dataset)
print("lengths in the first packed row:", packed.train_dataset[0]["seq_lengths"])

# %% [markdown]
# ## Padding waste
# For the unpacked run: the share of pad tokens in batches of 8 reviews padded to their
# longest member; for packed rows, the share of each 256-token row left empty.

# %%
lengths = [len(ids) for ids in plain.train_dataset["input_ids"]]
padded = sum(max(lengths[i:i + 8]) * len(lengths[i:i + 8]) for i in range(0, len(lengths), 8))
print(f"unpacked: {100 * (1 - sum(lengths) / padded):.1f}% of the batch is padding")
packed_lengths = [len(ids) for ids in packed.train_dataset["input_ids"]]
print(f"packed:   {100 * (1 - sum(packed_lengths) / (256 * len(packed_lengths))):.1f}% of the rows is empty")
print(len(plain.train_dataset), "rows unpacked ->", len(packed.train_dataset), "rows packed")

# %% [markdown]
# ## Tokens per second
# Real (non-pad) tokens seen per second of training. Timings vary from run to run, so
# `sftnb test` does not compare this cell's output (`# NBVAL_IGNORE_OUTPUT`).

# %%
# NBVAL_IGNORE_OUTPUT
for name, trainer, out in [("unpacked", plain, plain_out), ("packed", packed, packed_out)]:
    tokens = [h["num_tokens"] for h in trainer.state.log_history if "num_tokens" in h][-1]
    print(f"{name:9s} {tokens / out.metrics['train_runtime']:8.0f} real tokens/s, {tokens:.0f} tokens in 30 steps")
