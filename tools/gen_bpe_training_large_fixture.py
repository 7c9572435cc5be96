#!/usr/bin/env python3
"""Writes Tests/EngineTests/Fixtures/tokenizers/bpe_training_large.json: the merges and vocabulary
tokenizers' `BpeTrainer` learns from the whole fixture corpus (tools/tokenizer_corpus.py, ~76 KB)
with a byte-level pre-tokenizer and a 2000-token vocabulary — enough merges (1700+) for ties and
the trainer's bookkeeping to matter, in the same layout as bpe_training.json.

Run with the project's venv: /work/venv/bin/python tools/gen_bpe_training_large_fixture.py
"""
import json
import os
import sys

from tokenizers import Tokenizer, models, pre_tokenizers, trainers

sys.path.insert(0, os.path.dirname(__file__))
import tokenizer_corpus  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "EngineTests", "Fixtures", "tokenizers", "bpe_training_large.json")
SPECIAL = ["<|endoftext|>"]


def main():
    corpus = tokenizer_corpus.training_corpus()
    cases = []
    for vocab_size, min_frequency in [(2000, 0), (1200, 4)]:
        tok = Tokenizer(models.BPE())
        tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        trainer = trainers.BpeTrainer(vocab_size=vocab_size, min_frequency=min_frequency, special_tokens=SPECIAL,
                                      initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
        tok.train_from_iterator(corpus, trainer)
        model = json.loads(tok.to_str())["model"]
        vocab = [t for t, _ in sorted(model["vocab"].items(), key=lambda kv: kv[1])]
        merges = [" ".join(m) if isinstance(m, list) else m for m in model["merges"]]
        cases.append({"vocab_size": vocab_size, "min_frequency": min_frequency, "special_tokens": SPECIAL,
                      "vocab": vocab, "merges": merges})
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"corpus": corpus, "cases": cases}, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{len(corpus)} texts, merges: {[len(c['merges']) for c in cases]}")


if __name__ == "__main__":
    main()
