#!/usr/bin/env python3
"""Hugging Face tokenizers' single-threaded speed on the benchmark corpus (see make_corpus.py),
RAYON_NUM_THREADS=1, printed as TokenizerBenchmark prints sftnb's:

  encode: each line encoded with `Tokenizer.encode`, no special tokens:
    /work/venv/bin/python benchmarks/tokenizer/hf_baseline.py /tmp/sftnb-tokenizer-bench/gpt2 /tmp/sftnb-tokenizer-bench/corpus.txt
  train: `BpeTrainer` (byte-level, vocab 4096, special token <|endoftext|>, the 256-byte initial
  alphabet) over every line, as `sftnb bench tokenizer --train` trains; --save DIR keeps the result
  so its merges can be compared with sftnb's:
    /work/venv/bin/python benchmarks/tokenizer/hf_baseline.py --train /tmp/sftnb-tokenizer-bench/corpus.txt [--save DIR] [--json]
"""
import argparse
import json
import os
import time

os.environ["RAYON_NUM_THREADS"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers  # noqa: E402

TRAIN_VOCAB_SIZE = 4096
TRAIN_SPECIAL_TOKENS = ["<|endoftext|>"]


def read_lines(corpus):
    with open(corpus, encoding="utf-8", newline="") as f:  # keep "\r" as TokenizerBenchmark does
        return f.read().split("\n")


def encode(directory, corpus):
    tok = Tokenizer.from_file(os.path.join(directory, "tokenizer.json"))
    lines = read_lines(corpus)
    size = sum(len(line.encode()) for line in lines)
    start, cpu_start = time.perf_counter(), time.process_time()
    tokens = 0
    for line in lines:
        tokens += len(tok.encode(line, add_special_tokens=False).ids)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"{len(lines)} lines, {size / 1e6:.2f} MB, {tokens} tokens in {seconds:.3f} s ({cpu:.3f} s CPU): "
          f"{size / 1e6 / seconds:.2f} MB/s wall, {size / 1e6 / cpu:.2f} MB/s CPU")


def train(corpus, save=None, as_json=False):
    lines = read_lines(corpus)
    size = sum(len(line.encode()) for line in lines)
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=TRAIN_VOCAB_SIZE, special_tokens=TRAIN_SPECIAL_TOKENS, show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    start, cpu_start = time.perf_counter(), time.process_time()
    tok.train_from_iterator(lines, trainer, length=len(lines))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    merges = len(json.loads(tok.to_str())["model"]["merges"])
    if as_json:
        print(json.dumps({"bytes": size, "vocab_size": tok.get_vocab_size(), "merges": merges, "seconds": seconds, "cpu_seconds": cpu}))
    else:
        print(f"train {len(lines)} lines, {size / 1e6:.2f} MB, vocab {tok.get_vocab_size()} ({merges} merges) in {seconds:.3f} s ({cpu:.3f} s CPU)")
    if save:
        os.makedirs(save, exist_ok=True)
        tok.save(os.path.join(save, "tokenizer.json"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", action="store_true", help="time BPE training instead of encoding")
    parser.add_argument("--save", help="train: write the trained tokenizer.json into this directory")
    parser.add_argument("--json", action="store_true", help="train: print one JSON object")
    parser.add_argument("paths", nargs="+", help="encode: TOKENIZER_DIRECTORY CORPUS; train: CORPUS")
    args = parser.parse_args()
    if args.train:
        train(args.paths[0], args.save, args.json)
    else:
        encode(*args.paths)
