#!/usr/bin/env python3
"""Golden training runs for sftnb's SFT engine, from TRL 1.x's SFTTrainer itself.

  /work/venv/bin/python tools/gen_sft_parity_fixtures.py            # write the fixtures
  /work/venv/bin/python tools/gen_sft_parity_fixtures.py --check-saved DIR
      # DIR written by the Swift test with SFTNB_WRITE_SAVE_FIXTURES=DIR: loads sftnb's saved
      # model and adapter in transformers / PEFT and compares their logits with sftnb's.

A tiny random GPT-2 (2 layers, n_embd 32, dropout 0, float32) on the ChatML byte-level BPE
tokenizer of Tests/EngineTests/Fixtures/sft/prep, trained by `SFTTrainer` for 12 steps with
the whole data set in one batch (so sample order cannot matter): warmup 3 (step 1 runs at lr 0),
weight decay 0.1 (biases and LayerNorms exempt), max_grad_norm small enough to clip on some
steps, logging every step. Runs:
  text               plain text (EOS appended, every token learnt)
  prompt_completion  completion-only loss (TRL's default for prompt/completion data)
  messages           conversational, ChatML template, every token learnt
  lora               LoRA r=4 on c_attn, starting from a SAVED adapter whose B is non-zero
  accumulation       text data, 4 micro-batches x 4 rows accumulated (token mean over all 16)
Writes Tests/EngineTests/Fixtures/sft/parity/: model/ (save_pretrained), adapter/ (PEFT
save_pretrained), runs.json (data rows, arguments, per-step log_history, final weights' probes).
"""
import json
import math
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests/EngineTests/Fixtures/sft/parity")
TOKENIZER = os.path.join(ROOT, "Tests/EngineTests/Fixtures/sft/prep")
WORDS = "the a film was great bad plot actor two plus three four equals what is reverse word hello".split()
STEPS = 12


def datasets():
    rng = random.Random(11)

    def sentence(lo, hi):
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))

    return {
        "text": [{"text": sentence(3, 14)} for _ in range(16)],
        "prompt_completion": [{"prompt": sentence(1, 6) + " =", "completion": " " + sentence(1, 5)} for _ in range(16)],
        "messages": [{"messages": [{"role": "user", "content": sentence(1, 5)},
                                   {"role": "assistant", "content": sentence(1, 6)}]} for _ in range(16)],
    }


RUNS = [
    # name, dataset, batch size, accumulation, learning rate, max_grad_norm, lora
    ("text", "text", 16, 1, 1e-2, 1.0, False),
    ("prompt_completion", "prompt_completion", 16, 1, 1e-2, 2.0, False),
    ("messages", "messages", 16, 1, 1e-2, 1.5, False),
    ("lora", "text", 16, 1, 5e-2, 0.07, True),
    ("accumulation", "text", 4, 4, 1e-2, 1.0, False),
]


def probes(named):
    """Per tensor: sum, sum of |x| and the first 4 values (float64 sums of the float32 values)."""
    out = {}
    for name, t in named:
        x = t.detach().double().flatten()
        out[name] = {"sum": x.sum().item(), "abs_sum": x.abs().sum().item(), "first": x[:4].tolist()}
    return out


def build_model_and_adapter(tok):
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import GPT2Config, GPT2LMHeadModel

    torch.manual_seed(0)
    config = GPT2Config(vocab_size=len(tok), n_embd=32, n_layer=2, n_head=2, n_positions=64,
                        resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0,
                        bos_token_id=tok.eos_token_id, eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id)
    model = GPT2LMHeadModel(config)
    model.save_pretrained(os.path.join(OUT, "model"))
    peft_model = get_peft_model(GPT2LMHeadModel.from_pretrained(os.path.join(OUT, "model")),
                                LoraConfig(r=4, lora_alpha=8, lora_dropout=0.0, task_type="CAUSAL_LM"))
    with torch.no_grad():
        for name, p in peft_model.named_parameters():
            if "lora_B" in name:
                p.normal_(0, 0.2)   # a non-zero B: the saved adapter changes the model from step 0
    peft_model.save_pretrained(os.path.join(OUT, "adapter"))
    os.remove(os.path.join(OUT, "adapter", "README.md"))   # PEFT's model card: not needed


def run(tok, rows, name, batch, accumulation, lr, max_grad_norm, lora):
    import torch
    from datasets import Dataset
    from peft import PeftModel
    from transformers import GPT2LMHeadModel
    from trl import SFTConfig, SFTTrainer

    model = GPT2LMHeadModel.from_pretrained(os.path.join(OUT, "model"), dtype=torch.float32)
    if lora:
        model = PeftModel.from_pretrained(model, os.path.join(OUT, "adapter"), is_trainable=True)
    args = SFTConfig(output_dir=f"/tmp/sftnb-parity-{name}", report_to="none", bf16=False, use_cpu=True,
                     per_device_train_batch_size=batch, gradient_accumulation_steps=accumulation,
                     max_steps=STEPS, learning_rate=lr, warmup_steps=3, weight_decay=0.1,
                     max_grad_norm=max_grad_norm, logging_steps=1, save_strategy="no", seed=42,
                     lr_scheduler_type="linear")
    trainer = SFTTrainer(model=model, args=args, train_dataset=Dataset.from_list(rows), processing_class=tok)
    trainer.train()
    logs = [e for e in trainer.state.log_history if "loss" in e]
    trainable = [(n, p) for n, p in trainer.model.named_parameters() if p.requires_grad]
    key_order = list(logs[0].keys())
    prepared = trainer.train_dataset
    return {"name": name, "batch_size": batch, "gradient_accumulation_steps": accumulation, "learning_rate": lr,
            "max_grad_norm": max_grad_norm, "lora": lora, "key_order": key_order,
            "prepared_input_ids": prepared["input_ids"][:],
            "logs": [{k: e[k] for k in ("loss", "grad_norm", "learning_rate", "entropy", "mean_token_accuracy",
                                        "num_tokens", "epoch", "step")} for e in logs],
            "final": probes(trainable)}


def generate():
    from transformers import AutoTokenizer

    os.makedirs(OUT, exist_ok=True)
    tok = AutoTokenizer.from_pretrained(TOKENIZER)
    build_model_and_adapter(tok)
    data = datasets()
    runs = []
    for name, dataset, batch, accumulation, lr, max_grad_norm, lora in RUNS:
        r = run(tok, data[dataset], name, batch, accumulation, lr, max_grad_norm, lora)
        r["dataset"] = dataset
        clipped = sum(1 for e in r["logs"] if e["grad_norm"] > max_grad_norm)
        print(f"{name}: losses {r['logs'][0]['loss']:.4f} -> {r['logs'][-1]['loss']:.4f}, clipped on {clipped}/{STEPS} steps, "
              f"keys {r['key_order']}")
        runs.append(r)
    with open(os.path.join(OUT, "runs.json"), "w") as f:
        json.dump({"generator": "tools/gen_sft_parity_fixtures.py", "steps": STEPS, "warmup_steps": 3, "weight_decay": 0.1,
                   "seed": 42, "lora": {"r": 4, "lora_alpha": 8}, "datasets": data, "runs": runs},
                  f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")


def check_saved(directory):
    """Loads what sftnb saved (DIR/model: CausalLM.save; DIR/adapter: saveAdapter over
    DIR/model's base) in transformers / PEFT and compares logits with sftnb's own
    (DIR/*/logits.json: {"input_ids": [[...]], "logits": [flat rows x columns x vocab]})."""
    import torch
    from peft import PeftModel
    from transformers import GPT2LMHeadModel

    def compare(model, folder):
        with open(os.path.join(directory, folder, "logits.json")) as f:
            expected = json.load(f)
        ids = torch.tensor(expected["input_ids"])
        with torch.no_grad():
            logits = model(input_ids=ids).logits.double().flatten()
        theirs = torch.tensor(expected["logits"], dtype=torch.float64)
        diff = (logits - theirs).abs().max().item()
        print(f"{folder}: max |logit diff| = {diff:.3e} over {logits.numel()} logits")
        return diff

    base = GPT2LMHeadModel.from_pretrained(os.path.join(directory, "model"), dtype=torch.float32).eval()
    worst = compare(base, "model")
    adapted = PeftModel.from_pretrained(GPT2LMHeadModel.from_pretrained(os.path.join(directory, "model"), dtype=torch.float32),
                                        os.path.join(directory, "adapter")).eval()
    worst = max(worst, compare(adapted, "adapter"))
    if not worst < 1e-4:
        sys.exit(f"saved files disagree: max logit diff {worst}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check-saved":
        check_saved(sys.argv[2])
    else:
        generate()
