#!/usr/bin/env python3
"""Golden fixtures for sftnb's PyTorch-compatible sample order, from the real libraries.

  /path/to/venv/bin/python tools/gen_torch_randperm_fixtures.py

- randperm.json: torch.randperm(n, generator=torch.Generator().manual_seed(seed)) for several
  seeds (including ones past 32 bits and negative ones) and n; the first outputs of the CPU
  generator's 64-bit draw (int64 `random_()` is random64() % 2**63).
- trainer_order.json: the per-sample order a real transformers Trainer (+ accelerate) and a
  TRL SFTTrainer feed to the model on CPU, recorded inside compute_loss while train() runs,
  for several (n, seed, data_seed, batch size, gradient accumulation, epochs). Each row's
  input_ids[0] is its index, so the recorded first tokens are the order.
- trainer_losses.json: per-step losses and grad norms of a real Trainer fine-tuning the tiny
  Llama fixture (no dropout) with batch size < data set size across an epoch boundary, which
  only an identical sample order reproduces. (Not GPT-2: GPT2LMHeadModel's class name maps to
  no loss_type, so Trainer counts num_items_in_batch over unshifted labels and scales its loss.)
"""
import json
import os
import sys
import tempfile

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests/EngineTests/Fixtures/random")
TOKENIZER = os.path.join(ROOT, "Tests/EngineTests/Fixtures/tokenizers/gpt2_bytelevel")


def randperm_cases():
    cases = []
    for seed in (0, 1, 42, 1234, 2**31 + 7, 2**32 + 5, -1):
        for n in (1, 2, 7, 100, 1000, 5000):
            g = torch.Generator().manual_seed(seed)
            cases.append({"seed": seed, "n": n, "perm": torch.randperm(n, generator=g).tolist()})
    # One long permutation, stored as a checksum to keep the file small.
    g = torch.Generator().manual_seed(3)
    big = torch.randperm(100_000, generator=g)
    weights = torch.arange(1, 100_001, dtype=torch.int64)
    big_case = {"seed": 3, "n": 100_000, "first": big[:20].tolist(), "last": big[-20:].tolist(),
                "weighted_sum": int((big * weights).sum().item())}
    g = torch.Generator().manual_seed(7)
    random63 = [int(torch.empty((), dtype=torch.int64).random_(generator=g).item()) for _ in range(8)]
    return {"randperm": cases, "randperm_large": big_case,
            "random64_mod_2_63": {"seed": 7, "values": [str(v) for v in random63]}}


def trainer_order(n, seed, data_seed, batch, accumulation, epochs, sft, drop_last=False):
    from datasets import Dataset
    from transformers import GPT2Config, GPT2LMHeadModel, Trainer, TrainingArguments

    seen = []

    def record(inputs):
        seen.extend(int(row[0]) for row in inputs["input_ids"])

    config = GPT2Config(vocab_size=max(128, n + 8), n_positions=16, n_embd=8, n_layer=1, n_head=2)
    model = GPT2LMHeadModel(config)
    rows = {"input_ids": [[i, 1, 2] for i in range(n)]}
    with tempfile.TemporaryDirectory() as out:
        common = dict(output_dir=out, per_device_train_batch_size=batch, gradient_accumulation_steps=accumulation,
                      num_train_epochs=epochs, seed=seed, data_seed=data_seed, report_to=[], save_strategy="no",
                      logging_strategy="no", use_cpu=True, dataloader_drop_last=drop_last, learning_rate=1e-4)
        if sft:
            from transformers import AutoTokenizer
            from trl import SFTConfig, SFTTrainer

            class Recording(SFTTrainer):
                def compute_loss(self, model, inputs, *args, **kwargs):
                    record(inputs)
                    return super().compute_loss(model, inputs, *args, **kwargs)

            tokenizer = AutoTokenizer.from_pretrained(TOKENIZER)
            if tokenizer.pad_token is None:
                tokenizer.pad_token = tokenizer.eos_token
            trainer = Recording(model=model, args=SFTConfig(**common), train_dataset=Dataset.from_dict(rows),
                                processing_class=tokenizer)
        else:
            rows["labels"] = rows["input_ids"]

            class Recording(Trainer):
                def compute_loss(self, model, inputs, *args, **kwargs):
                    record(inputs)
                    return super().compute_loss(model, inputs, *args, **kwargs)

            trainer = Recording(model=model, args=TrainingArguments(**common), train_dataset=Dataset.from_dict(rows))
        trainer.train()
    per_epoch = len(seen) // epochs
    return {"n": n, "seed": seed, "data_seed": data_seed, "batch_size": batch,
            "gradient_accumulation_steps": accumulation, "epochs": epochs, "sft": sft, "drop_last": drop_last,
            "epoch_orders": [seen[e * per_epoch:(e + 1) * per_epoch] for e in range(epochs)]}


def trainer_losses():
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

    model = AutoModelForCausalLM.from_pretrained(os.path.join(ROOT, "Tests/EngineTests/Fixtures/models/llama"))
    ids = [[(i * 7 + j * 3) % 90 + 3 for j in range(8)] for i in range(10)]
    with tempfile.TemporaryDirectory() as out:
        args = TrainingArguments(output_dir=out, per_device_train_batch_size=2, gradient_accumulation_steps=2,
                                 max_steps=5, learning_rate=1e-2, lr_scheduler_type="linear", weight_decay=0.0,
                                 seed=42, logging_steps=1, save_strategy="no", report_to=[], use_cpu=True)
        trainer = Trainer(model=model, args=args, train_dataset=Dataset.from_dict({"input_ids": ids, "labels": ids}))
        trainer.train()
    logs = [e for e in trainer.state.log_history if "loss" in e]
    return {"model": "llama", "input_ids": ids, "batch_size": 2, "gradient_accumulation_steps": 2, "max_steps": 5, "learning_rate": 1e-2,
            "seed": 42, "losses": [e["loss"] for e in logs], "grad_norms": [e["grad_norm"] for e in logs]}


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "randperm.json"), "w") as f:
        json.dump(randperm_cases(), f, separators=(",", ":"))
    cases = [
        trainer_order(10, 42, None, 2, 1, 3, sft=False),
        trainer_order(37, 7, None, 4, 3, 2, sft=False),
        trainer_order(13, 42, 5, 3, 1, 2, sft=False),
        trainer_order(11, 1234, None, 3, 2, 2, sft=False, drop_last=True),
        trainer_order(9, 42, None, 2, 2, 2, sft=True),
        trainer_order(20, 3, 99, 5, 1, 3, sft=True),
    ]
    with open(os.path.join(OUT, "trainer_order.json"), "w") as f:
        json.dump({"versions": {"torch": torch.__version__, "transformers": __import__("transformers").__version__,
                                "accelerate": __import__("accelerate").__version__, "trl": __import__("trl").__version__},
                   "cases": cases}, f, indent=1)
    with open(os.path.join(OUT, "trainer_losses.json"), "w") as f:
        json.dump(trainer_losses(), f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
