# %% [markdown]
# # How sftnb's tiny base models were made
#
# The tutorials fine-tune four small base models bundled with sftnb:
# `sftnb/tiny-gpt2`, `sftnb/tiny-opt`, `sftnb/tiny-gpt-neo` and `sftnb/tiny-llama`.
# Nothing in them was downloaded. This notebook makes them from scratch, with sftnb alone:
#
# 1. train a byte-level BPE tokenizer on the bundled corpora
#    (starting from `sftnb/byte-level-bpe`, an empty template: 256 byte symbols, no merges);
# 2. create each model with random weights from a config (`AutoModelForCausalLM.from_config`);
# 3. pretrain it briefly on plain text with `SFTTrainer`, so it knows the words and shapes of
#    the corpora — but not yet how to follow instructions, answer prompts or chat. That is what
#    the tutorials teach it, with a visible effect.
#
# Run it with `sftnb run notebooks/pretrain_tiny.sftnb -p output_root stdlib/models/sftnb`
# to rebuild the bundled models (a few minutes per model on two cores).

# %% tags=["parameters"]
output_root = "stdlib/models/sftnb"
vocab_size = 4096
max_steps = 200
families = ["gpt2", "opt", "gpt-neo", "llama"]

# %% [markdown]
# ## The corpus
# The tokenizer learns from all four bundled training sets. The models are pretrained only on
# the code and answers of `code-instructions` and on the chat utterances, one per line — never
# on movie reviews, and never on the instruction, prompt/completion or dialogue *formats* the
# tutorials teach. So the tutorials have something visible to teach: reviews, answers, turns.

# %%
from datasets import load_dataset, Dataset

tokenizer_texts = []
pretraining_texts = []
for row in load_dataset("sftnb/movie-reviews", split="train"):
    tokenizer_texts.append(row["text"])
for row in load_dataset("sftnb/code-instructions", split="train"):
    tokenizer_texts.append(row["instruction"] + "\n" + row["input"] + "\n" + row["output"])
    pretraining_texts.append(row["output"])
for row in load_dataset("sftnb/prompt-completion", split="train"):
    tokenizer_texts.append(row["prompt"] + row["completion"])
for row in load_dataset("sftnb/chat", split="train"):
    contents = [m["content"] for m in row["messages"]]
    tokenizer_texts.append("\n".join(contents))
    pretraining_texts.append("\n".join(contents))
print(len(tokenizer_texts), "documents for the tokenizer,", len(pretraining_texts), "for pretraining")
corpus = Dataset.from_dict({"text": pretraining_texts})

# %% [markdown]
# ## The tokenizer
# `train_new_from_iterator` learns BPE merges on the corpus and keeps the template's pipeline
# (byte-level pre-tokenizer and decoder) and its `<|endoftext|>` token.

# %%
from transformers import AutoTokenizer

template = AutoTokenizer.from_pretrained("sftnb/byte-level-bpe")
tokenizer = template.train_new_from_iterator(tokenizer_texts, vocab_size=vocab_size)
print(len(tokenizer), tokenizer.tokenize("The script is really moving. 8/10."))

# %% [markdown]
# ## The models
# Four families, each about 1.3M parameters: 4 layers, width 128, 4 attention heads,
# 512 positions, no dropout (the tutorials then give the same numbers run after run).

# %%
from transformers import AutoModelForCausalLM, GPT2Config, OPTConfig, GPTNeoConfig, LlamaConfig, set_seed

eos = tokenizer.eos_token_id
configs = {
    "gpt2": GPT2Config(vocab_size=len(tokenizer), n_positions=512, n_embd=128, n_layer=4, n_head=4,
                       resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0, bos_token_id=eos, eos_token_id=eos),
    "opt": OPTConfig(vocab_size=len(tokenizer), max_position_embeddings=512, hidden_size=128, num_hidden_layers=4,
                     num_attention_heads=4, ffn_dim=512, word_embed_proj_dim=128, dropout=0.0, attention_dropout=0.0,
                     bos_token_id=eos, eos_token_id=eos, pad_token_id=eos),
    "gpt-neo": GPTNeoConfig(vocab_size=len(tokenizer), max_position_embeddings=512, hidden_size=128, num_layers=4,
                            num_heads=4, attention_types=[[["global", "local"], 2]], window_size=128,
                            embed_dropout=0.0, attention_dropout=0.0, resid_dropout=0.0,
                            bos_token_id=eos, eos_token_id=eos),
    "llama": LlamaConfig(vocab_size=len(tokenizer), max_position_embeddings=512, hidden_size=128, intermediate_size=352,
                         num_hidden_layers=4, num_attention_heads=4, num_key_value_heads=2,
                         bos_token_id=eos, eos_token_id=eos, tie_word_embeddings=True),
}

# %% [markdown]
# ## Pretraining
# Plain-text language modelling on the corpus, packed into 256-token rows, with a cosine
# schedule. The loss starts near 8 (a uniform guess over the vocabulary) and falls steeply.

# %%
from trl import SFTConfig, SFTTrainer

for family in families:
    set_seed(0)
    model = AutoModelForCausalLM.from_config(configs[family])
    args = SFTConfig(output_dir=f"/tmp/sftnb-pretrain-{family}", max_steps=max_steps, per_device_train_batch_size=16,
                     learning_rate=3e-3, lr_scheduler_type="cosine", warmup_steps=0.05, weight_decay=0.01,
                     max_length=256, packing=True, logging_steps=max(1, max_steps // 6), save_strategy="no",
                     report_to="none", use_cpu=True, bf16=False)
    trainer = SFTTrainer(model=model, args=args, train_dataset=corpus, processing_class=tokenizer)
    trainer.train()
    path = f"{output_root}/tiny-{family}"
    trainer.model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    print(family, model.num_parameters(), "parameters ->", path)
