#!/usr/bin/env python3
"""PyTorch float32 training throughput at EngineBenchmark's shapes (the engine's target: 1.5x this).

Full steps: forward + loss + backward + AdamW on a randomly initialised GPT2LMHeadModel, eager
attention, dropout 0.  Usage: python benchmarks/engine/torch_baseline.py tiny|small|gpt2_124m
"""
import sys
import time

import torch

torch.set_num_threads(2)
from transformers import GPT2Config, GPT2LMHeadModel

SHAPES = {"tiny": (4, 256, 4, 4096, 256, 8), "small": (6, 512, 8, 8192, 512, 4), "gpt2_124m": (12, 768, 12, 50257, 64, 4)}


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "tiny"
    layers, width, heads, vocab, seq, batch = SHAPES[name]
    config = GPT2Config(n_layer=layers, n_embd=width, n_head=heads, vocab_size=vocab, n_positions=max(seq, 1024),
                        resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0)
    model = GPT2LMHeadModel(config).float()
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.01)
    ids = torch.randint(0, vocab, (batch, seq))

    def step():
        opt.zero_grad()
        loss = model(input_ids=ids, labels=ids).loss
        loss.backward()
        opt.step()

    step()
    steps = 3
    start = time.perf_counter()
    for _ in range(steps):
        step()
    seconds = time.perf_counter() - start
    import json
    import resource
    print(json.dumps({"config": name, "impl": f"torch {torch.__version__}", "threads": torch.get_num_threads(),
                      "tokens_per_s": batch * seq * steps / seconds, "ms_per_step": seconds * 1000 / steps,
                      "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


if __name__ == "__main__":
    main()
