#!/usr/bin/env python3
"""Generates Tests/EngineTests/Fixtures/tokenizers/codepoints/ (a tokenizer.json saved by the
Python `tokenizers`) and codepoints.expected.json: a BPE over text full of code points that
JSON readers and Swift strings treat specially — U+FEFF (a byte-order mark when it starts a
string) at the start, middle and end of tokens, U+0000 and other controls, U+2028/U+2029,
noncharacters U+FFFE/U+FFFF, private use, astral scalars, decomposed spellings (e + U+0301,
U+212B, Hangul jamo) and a lone combining mark. Canonically equivalent pairs (é and e + U+0301
both in one vocabulary) are left out: Swift's String `==` treats them as one key, and the
tokenizer, JSON and str layers all key on String.
The expectations are what `tokenizers` itself gives: every vocabulary entry with its id, the
merges, and ids of encoded texts.
It also writes codepoints_equivalent/: a vocabulary holding both é and e + U+0301, which sftnb
must refuse with a clear error rather than merge.

Run with the project's venv: /work/venv/bin/python tools/gen_tokenizer_codepoint_fixture.py
"""
import json
import os
import shutil

from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "EngineTests", "Fixtures", "tokenizers")

ODD = ["\ufeff", "\ufeffhello", "hel\ufefflo", "hello\ufeff", "a\u200bb", "\u2028", "\u2029", "\x00", "nul\x00l",
       "\x7f", "\x85", "\ufffe", "\uffff", "\ue000", "\U0010ffff", "\U0001f600", "e\u0301te\u0301", "\u212b", "\u1100\u1161",
       "\ufb01", "\"\\/", "\t\r\n", "\u0301"]

CORPUS = [" ".join(ODD[i:] + ODD[:i]) for i in range(len(ODD))] * 3 + ["\ufeffhello world \ufeff\ufeff", "ete\u0301 ete\u0301"]

TEXTS = ["\ufeffhello", "hel\ufefflo hello\ufeff", "\ufeff\ufeff", "e\u0301te\u0301 \u212b\u212b",
         "\u1100\u1161\u1100", "nul\x00l \x00 \x7f\x85", "\U0001f600\U0010ffff\ue000", "\ufffe\uffff",
         "a\u200bb\u2028\u2029", "\"\\/\t\r\n", "added\ufefftoken e\u0301", "\ufb01 fi", "\U0001f600\ufeff\U0001f600"]


def main():
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.decoder = decoders.Fuse()
    trainer = trainers.BpeTrainer(vocab_size=120, special_tokens=["<s>"], show_progress=False)
    tok.train_from_iterator(CORPUS, trainer)
    tok.add_tokens([AddedToken("added\ufefftoken", normalized=False), AddedToken("\U0001f600\ufeff", normalized=False)])
    directory = os.path.join(OUT, "codepoints")
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    tok.save(os.path.join(directory, "tokenizer.json"))
    reloaded = Tokenizer.from_file(os.path.join(directory, "tokenizer.json"))
    vocab = sorted(reloaded.get_vocab(with_added_tokens=True).items(), key=lambda kv: kv[1])
    model = json.load(open(os.path.join(directory, "tokenizer.json"), encoding="utf-8"))["model"]
    expected = {
        "vocab": [[t, i] for t, i in vocab],
        "merges": model["merges"],
        "cases": [{"text": t, "ids": reloaded.encode(t).ids} for t in TEXTS],
    }
    # ASCII escapes keep the odd code points visible in diffs and out of any editor's way.
    with open(os.path.join(OUT, "codepoints.expected.json"), "w", encoding="utf-8") as f:
        f.write("{\n" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=True)}" for k, v in expected.items()) + "\n}\n")
    # Both spellings of é and of Å (U+00C5, U+212B) in one vocabulary.
    both = Tokenizer(models.BPE())
    both.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    both.train_from_iterator(["\u00e9t\u00e9 e\u0301te\u0301 \u00c5 \u212b"] * 5,
                             trainers.BpeTrainer(vocab_size=30, show_progress=False))
    equivalent = os.path.join(OUT, "codepoints_equivalent")
    shutil.rmtree(equivalent, ignore_errors=True)
    os.makedirs(equivalent)
    both.save(os.path.join(equivalent, "tokenizer.json"))
    odd_in_vocab = sum(any(c in t for c in "\ufeff\x00\u2028\u0301\u212b") for t, _ in vocab)
    print(f"{len(vocab)} tokens ({odd_in_vocab} with odd code points), {len(model['merges'])} merges, {len(TEXTS)} texts")


if __name__ == "__main__":
    main()
