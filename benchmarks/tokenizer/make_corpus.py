#!/usr/bin/env python3
"""Writes the tokenizer benchmark inputs into a directory (default /tmp/sftnb-tokenizer-bench):
corpus.txt (~10 MB of mixed English/Japanese/Chinese/code/emoji lines) and two tokenizers
trained on it with the Python `tokenizers` (vocab 8000): gpt2/ (byte-level) and llama3/
(Split regex + byte-level).  Run with /work/venv/bin/python.
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
import tokenizer_corpus  # noqa: E402
from tokenizers import Tokenizer, Regex, models, pre_tokenizers, decoders, trainers  # noqa: E402

LLAMA3 = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"


def main(out):
    os.makedirs(out, exist_ok=True)
    rng = random.Random(5)
    pool = tokenizer_corpus.training_corpus(seed=7, lines=20000) + tokenizer_corpus.BASE_TEXTS
    lines, size = [], 0
    while size < 10_000_000:
        line = " ".join(rng.choice(pool).replace("\n", " ") for _ in range(rng.randint(1, 6)))
        lines.append(line)
        size += len(line.encode()) + 1
    with open(os.path.join(out, "corpus.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    for name, pre in [("gpt2", pre_tokenizers.ByteLevel(add_prefix_space=False)),
                      ("llama3", pre_tokenizers.Sequence([pre_tokenizers.Split(Regex(LLAMA3), "isolated"),
                                                          pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)]))]:
        tok = Tokenizer(models.BPE(ignore_merges=name == "llama3"))
        tok.pre_tokenizer = pre
        tok.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(vocab_size=8000, special_tokens=["<|endoftext|>"], show_progress=False,
                                      initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
        tok.train_from_iterator(pool, trainer)
        os.makedirs(os.path.join(out, name), exist_ok=True)
        tok.save(os.path.join(out, name, "tokenizer.json"))
    print(f"{len(lines)} lines, {size / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/sftnb-tokenizer-bench")
