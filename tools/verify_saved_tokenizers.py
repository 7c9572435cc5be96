#!/usr/bin/env python3
"""Checks that tokenizers saved by sftnb load in transformers exactly like the originals.

  SFTNB_KEEP_SAVED_TOKENIZERS=/tmp/sftnb_saved swift test --filter EngineTests.TokenizerSaveTests
  /work/venv/bin/python tools/verify_saved_tokenizers.py /tmp/sftnb_saved

For each fixture, the original is loaded with AutoTokenizer and given the same edits the
test makes (add_tokens, pad_token); both must agree on len, special tokens, ids and decodes.
"""
import json
import os
import sys

from transformers import AutoTokenizer, AddedToken

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "Tests", "EngineTests", "Fixtures", "tokenizers")


def main(saved_root):
    bad = 0
    for name in sorted(os.listdir(saved_root)):
        ref = AutoTokenizer.from_pretrained(os.path.join(FIXTURES, name))
        ref.add_tokens([AddedToken("<extra_added>", special=False, normalized=True),
                        AddedToken("<extra_special>", special=True, normalized=False)])
        ref.add_special_tokens({"pad_token": "<extra_pad>", "additional_special_tokens": ["<extra_more>"]})
        got = AutoTokenizer.from_pretrained(os.path.join(saved_root, name))
        with open(os.path.join(FIXTURES, name + ".expected.json"), encoding="utf-8") as f:
            texts = [c["text"] + " <extra_added> <extra_special>x<extra_pad><extra_more>" for c in json.load(f)["cases"]]
        problems = []
        for attr in ["bos_token", "eos_token", "unk_token", "pad_token", "pad_token_id", "model_max_length",
                     "padding_side", "chat_template", "extra_special_tokens"]:
            if getattr(ref, attr) != getattr(got, attr):
                problems.append(f"{attr}: {getattr(ref, attr)!r} != {getattr(got, attr)!r}")
        if len(ref) != len(got):
            problems.append(f"len {len(ref)} != {len(got)}")
        for t in texts:
            a, b = ref(t)["input_ids"], got(t)["input_ids"]
            if a != b:
                problems.append(f"ids differ for {t!r}: {a} vs {b}")
            elif ref.decode(a, skip_special_tokens=True) != got.decode(b, skip_special_tokens=True):
                problems.append(f"decode differs for {t!r}")
        print(f"{name}: {'OK' if not problems else problems[:3]} ({len(texts)} texts)")
        bad += bool(problems)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main(sys.argv[1])
