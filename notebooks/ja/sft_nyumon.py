# %% [markdown]
# # SFT 入門 — sftnb で動かす教師ありファインチューニング
#
# このノートブックは、TRL の `SFTTrainer` 入門記事と同じ順番で、同じ形のコードを CPU 上で動かします。
# モデルとデータセットだけを sftnb 同梱の小さなものに置き換えています。
#
# | 記事 | このノートブック |
# |---|---|
# | `facebook/opt-350m` | `sftnb/tiny-opt`(約130万パラメータ) |
# | `EleutherAI/gpt-neo-125m` | `sftnb/tiny-gpt-neo` |
# | `imdb` | `sftnb/movie-reviews`(映画レビュー風の英文) |
# | `lucasmccabe-lmi/CodeAlpaca-20k` | `sftnb/code-instructions` |
#
# 各セクションは 30 ステップだけ学習します(`max_steps`)。記事のコードは引数を省略しているので
# 3 エポック学習しますが、ここでは時間を短くするために `args=SFTConfig(...)` で歩数を決めています。
# `dataset_text_field` や `max_seq_length` のような 2024 年版の書き方もそのまま受け付けます
# (今の TRL では `SFTConfig` に書く引数なので、sftnb は警告を出してから使います)。

# %%
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, set_seed
from trl import SFTConfig, SFTTrainer

def short_run(output_dir, steps=30):
    """各セクション共通の短い学習設定。"""
    return SFTConfig(output_dir=output_dir, max_steps=steps, per_device_train_batch_size=8, learning_rate=1e-3,
                     logging_steps=10, save_strategy="no", report_to="none", use_cpu=True, bf16=False)

def losses(trainer):
    return [round(h["loss"], 3) for h in trainer.state.log_history if "loss" in h]

# %% [markdown]
# ## 1. クイックスタート
#
# データセットの `text` 列をそのまま学習します。モデルは名前(文字列)で渡せば、
# トレーナーが読み込みます。トークナイザーを渡さない場合はモデルと同じ場所から読み込み、
# パディング用トークンが無ければ EOS トークンを代わりに使います。

# %%
set_seed(0)
dataset = load_dataset("sftnb/movie-reviews", split="train")
trainer = SFTTrainer(
    "sftnb/tiny-opt",
    args=short_run("ja-quickstart"),
    train_dataset=dataset,
    dataset_text_field="text",
    max_seq_length=512,
)
trainer.train()
print("損失の推移:", losses(trainer))

# %% [markdown]
# ## 2. 応答部分だけで学習する(`DataCollatorForCompletionOnlyLM`)
#
# 質問と答えを 1 つのテキストにまとめ、`" ### Answer:"` より後ろだけを損失の対象にします。
# コレーターはテンプレートを探し、それより前のラベルを `-100`(無視)にします。
# 記事の整形関数はバッチ(列ごとのリスト)を受け取る書き方です。sftnb はこの書き方も、
# 1 件ずつ文字列を返す今の書き方も受け付けます。パッキングとは併用できません。

# %%
from trl import DataCollatorForCompletionOnlyLM

set_seed(0)
dataset = load_dataset("sftnb/code-instructions", split="train")
model = AutoModelForCausalLM.from_pretrained("sftnb/tiny-opt")
tokenizer = AutoTokenizer.from_pretrained("sftnb/tiny-opt")

def formatting_prompts_func(example):
    output_texts = []
    for i in range(len(example['instruction'])):
        text = f"### Question: {example['instruction'][i]}\n ### Answer: {example['output'][i]}"
        output_texts.append(text)
    return output_texts

response_template = " ### Answer:"
tokenizer.pad_token = tokenizer.eos_token
collator = DataCollatorForCompletionOnlyLM(response_template, tokenizer=tokenizer)

trainer = SFTTrainer(
    model,
    args=short_run("ja-completion-only"),
    train_dataset=dataset,
    processing_class=tokenizer,
    formatting_func=formatting_prompts_func,
    data_collator=collator,
)
row = trainer.train_dataset[0]
print("学習対象のトークン:", repr(tokenizer.decode([t for t, l in zip(row["input_ids"], row["labels"]) if l != -100])))
trainer.train()
print("損失の推移:", losses(trainer))

# %% [markdown]
# ## 3. チャット形式用の特殊トークンを追加する
#
# `setup_chat_format` はトークナイザーに ChatML の特殊トークン `<|im_start|>` と `<|im_end|>`、
# チャットテンプレートを追加し、モデルの埋め込み行列を新しい語彙数に合わせて広げます。

# %%
from trl import setup_chat_format

model = AutoModelForCausalLM.from_pretrained("sftnb/tiny-opt")
tokenizer = AutoTokenizer.from_pretrained("sftnb/tiny-opt")
print("追加前:", len(tokenizer), model.get_input_embeddings())
model, tokenizer = setup_chat_format(model, tokenizer)
print("追加後:", len(tokenizer), model.get_input_embeddings())
messages = [{"role": "user", "content": "こんにちは"}, {"role": "assistant", "content": "Hello!"}]
print(tokenizer.apply_chat_template(messages, tokenize=False))

# %% [markdown]
# ## 4. データセットのパッキング
#
# 短い例を `max_seq_length` いっぱいまで 1 行に詰め込み、パディングの無駄をなくします。
# 既定の `bfd` 方式では、詰め込んだ例どうしの注意(attention)は混ざらず、位置も例ごとに数え直します。

# %%
set_seed(0)
dataset = load_dataset("sftnb/movie-reviews", split="train")
trainer = SFTTrainer(
    "sftnb/tiny-opt",
    args=short_run("ja-packing"),
    train_dataset=dataset,
    dataset_text_field="text",
    packing=True,
    max_seq_length=256,
)
print(len(dataset), "件 →", len(trainer.train_dataset), "行")
trainer.train()
print("損失の推移:", losses(trainer))

# %% [markdown]
# ## 5. プロンプトのカスタマイズ
#
# 複数の列を組み合わせたいときは、1 件を受け取って文字列を返す整形関数を渡します。

# %%
set_seed(0)
dataset = load_dataset("sftnb/code-instructions", split="train")

def formatting_func(example):
    text = f"### Question: {example['instruction']}\n ### Answer: {example['output']}"
    return text

trainer = SFTTrainer(
    "sftnb/tiny-opt",
    args=short_run("ja-formatting"),
    train_dataset=dataset,
    packing=True,
    formatting_func=formatting_func,
)
print(trainer.train_dataset[0]["input_ids"][:12])
trainer.train()
print("損失の推移:", losses(trainer))

# %% [markdown]
# ## 6. 事前学習済みモデルの読み込みを制御する(`model_init_kwargs`)
#
# モデル名を渡したとき、`from_pretrained()` に渡す引数を指定できます。
# `torch_dtype=torch.bfloat16` なら重みを 2 バイトで持つので、メモリが半分になります。

# %%
import torch

set_seed(0)
dataset = load_dataset("sftnb/movie-reviews", split="train")
trainer = SFTTrainer(
    "sftnb/tiny-opt",
    args=short_run("ja-init-kwargs"),
    train_dataset=dataset,
    dataset_text_field="text",
    model_init_kwargs={
        "torch_dtype": torch.bfloat16,
    },
)
print(trainer.model.dtype, trainer.model.get_memory_footprint(), "バイト")
trainer.train()
print("損失の推移:", losses(trainer))

# %% [markdown]
# ## 7. アダプターの学習(LoRA)
#
# `peft_config` を渡すと、モデル全体ではなく小さなアダプターだけを学習します。
# 学習するパラメータはごく一部で、保存されるのもアダプターだけです。

# %%
from peft import LoraConfig

set_seed(0)
dataset = load_dataset("sftnb/movie-reviews", split="train")
peft_config = LoraConfig(
    r=16,
    lora_alpha=32,
    lora_dropout=0.05,
    bias="none",
    task_type="CAUSAL_LM",
)
trainer = SFTTrainer(
    "sftnb/tiny-gpt-neo",
    args=short_run("ja-lora"),
    train_dataset=dataset,
    dataset_text_field="text",
    peft_config=peft_config,
)
trainer.model.print_trainable_parameters()
trainer.train()
print("損失の推移:", losses(trainer))

# %% [markdown]
# ## 8. NEFTune
#
# 学習中だけ、埋め込みベクトルに一様ノイズを加えます(評価や生成では加えません)。
# ノイズの幅は `neftune_noise_alpha / sqrt(系列長 × 隠れ次元)` です。

# %%
set_seed(0)
dataset = load_dataset("sftnb/movie-reviews", split="train")
trainer = SFTTrainer(
    "sftnb/tiny-opt",
    args=short_run("ja-neftune"),
    train_dataset=dataset,
    dataset_text_field="text",
    max_seq_length=512,
    neftune_noise_alpha=5,
)
trainer.train()
print("損失の推移:", losses(trainer))

# %% [markdown]
# ## まとめ
#
# 記事のコードは、モデル名とデータセット名を置き換えるだけで sftnb でも動きます。
# 同じノートブックを `sftnb export notebooks/ja/sft_nyumon.sftnb --to py` で Python に書き出せば、
# 本物の `transformers` / `trl` / `peft` が入った GPU マシンでもそのまま実行できます
# (そのときはモデル名を Hub のものに戻してください)。
