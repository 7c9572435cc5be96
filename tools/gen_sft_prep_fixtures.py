#!/usr/bin/env python3
"""Golden fixtures for sftnb's SFT data preparation, from TRL's SFTTrainer itself.

  /path/to/venv/bin/python tools/gen_sft_prep_fixtures.py

Trains a small byte-level BPE tokenizer with a ChatML template, builds a tiny random GPT-2,
and lets TRL 1.x's SFTTrainer prepare data sets of each format (text, prompt/completion,
messages, conversational prompt/completion, packed bfd and wrapped, truncated). Writes the
tokenizer files and cases.json (rows in, prepared input_ids/labels/seq_lengths out) under
Tests/EngineTests/Fixtures/sft/prep/.
"""
import json
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests/EngineTests/Fixtures/sft/prep")

CHATML = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}"
          "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}")


def tokenizer():
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers, decoders
    from transformers import PreTrainedTokenizerFast
    rng = random.Random(5)
    words = "the a film was great bad plot actor two plus three four equals what is reverse word hello".split()
    corpus = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 12))) for _ in range(400)]
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(corpus, trainers.BpeTrainer(vocab_size=320, special_tokens=["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
                                                       initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    t = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|endoftext|>", pad_token="<|endoftext|>")
    t.chat_template = CHATML
    return t, words


def main():
    import torch
    from datasets import Dataset
    from transformers import GPT2Config, GPT2LMHeadModel
    from trl import SFTConfig, SFTTrainer

    os.makedirs(OUT, exist_ok=True)
    tok, words = tokenizer()
    tok.save_pretrained(OUT)
    torch.manual_seed(0)
    model = GPT2LMHeadModel(GPT2Config(vocab_size=len(tok), n_embd=16, n_layer=1, n_head=2, n_positions=128))
    rng = random.Random(9)

    def sentence(lo, hi):
        return " ".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))

    datasets = {
        "text": [{"text": sentence(2, 14)} for _ in range(12)] + [{"text": "ends with eos<|endoftext|>"}],
        "prompt_completion": [{"prompt": sentence(1, 6) + " =", "completion": " " + sentence(1, 4)} for _ in range(12)],
        "messages": [{"messages": [{"role": "user", "content": sentence(1, 5)}, {"role": "assistant", "content": sentence(1, 5)}]} for _ in range(10)],
        "conversational_prompt_completion": [{"prompt": [{"role": "user", "content": sentence(1, 5)}],
                                              "completion": [{"role": "assistant", "content": sentence(1, 5)}]} for _ in range(10)],
    }
    cases = []
    configs = [
        ("text", {}), ("text", {"max_length": 6}), ("text", {"packing": True, "max_length": 16}),
        ("text", {"packing": True, "max_length": 16, "packing_strategy": "wrapped"}),
        ("prompt_completion", {}), ("prompt_completion", {"completion_only_loss": False}),
        ("prompt_completion", {"max_length": 4}),
        ("messages", {}), ("conversational_prompt_completion", {}),
        ("text", {"shuffle_dataset": True, "seed": 3}),
    ]
    for name, extra in configs:
        args = SFTConfig(output_dir="/tmp/sftnb-prep", report_to="none", bf16=False, use_cpu=True, **extra)
        trainer = SFTTrainer(model=model, args=args, train_dataset=Dataset.from_list(datasets[name]), processing_class=tok)
        prepared = trainer.train_dataset
        cases.append({"dataset": name, "config": extra, "rows": datasets[name],
                      "input_ids": prepared["input_ids"][:], "labels": prepared["labels"][:],
                      "seq_lengths": prepared["seq_lengths"][:] if "seq_lengths" in prepared.column_names else None})
    with open(os.path.join(OUT, "cases.json"), "w") as f:
        json.dump(cases, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    print(len(cases), "cases")


if __name__ == "__main__":
    main()
