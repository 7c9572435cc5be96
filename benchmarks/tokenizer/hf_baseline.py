#!/usr/bin/env python3
"""Hugging Face tokenizers' single-threaded encode speed on the benchmark corpus
(see make_corpus.py): each line encoded with `Tokenizer.encode`, no special tokens,
RAYON_NUM_THREADS=1. Prints MB/s as TokenizerBenchmark does.

  /work/venv/bin/python benchmarks/tokenizer/hf_baseline.py /tmp/sftnb-tokenizer-bench/gpt2 /tmp/sftnb-tokenizer-bench/corpus.txt
"""
import os
import sys
import time

os.environ["RAYON_NUM_THREADS"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"
from tokenizers import Tokenizer  # noqa: E402


def main(directory, corpus):
    tok = Tokenizer.from_file(os.path.join(directory, "tokenizer.json"))
    with open(corpus, encoding="utf-8", newline="") as f:  # keep "\r" as TokenizerBenchmark does
        lines = f.read().split("\n")
    size = sum(len(line.encode()) for line in lines)
    start, cpu_start = time.perf_counter(), time.process_time()
    tokens = 0
    for line in lines:
        tokens += len(tok.encode(line, add_special_tokens=False).ids)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"{len(lines)} lines, {size / 1e6:.2f} MB, {tokens} tokens in {seconds:.3f} s ({cpu:.3f} s CPU): "
          f"{size / 1e6 / seconds:.2f} MB/s wall, {size / 1e6 / cpu:.2f} MB/s CPU")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
