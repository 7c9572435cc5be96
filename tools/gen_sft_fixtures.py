#!/usr/bin/env python3
"""Golden fixtures for sftnb's SFT data pipeline, from the real TRL code.

  /path/to/venv/bin/python tools/gen_sft_fixtures.py [--trl019 DIR]

- packing.json: trl.pack_dataset (TRL 1.x) with the bfd and wrapped strategies on 1,100
  examples (so Dataset.map's 1,000-example batches matter), with the resulting rows.
- collator.json: TRL 1.x DataCollatorForLanguageModeling, padded and padding-free.
- completion_only.json: DataCollatorForCompletionOnlyLM of TRL 0.19 (the 2024 API; pass the
  unpacked trl-0.19.1 wheel with --trl019) on >= 50 examples, single- and multi-turn, templates
  encoded alone and cut from a context encoding (token ids). The pad
  token is distinct from every real token, so 2024's pad-id masking equals today's.
"""
import argparse
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests/EngineTests/Fixtures/sft")


def packing_cases():
    from datasets import Dataset
    from trl import pack_dataset

    rng = random.Random(7)
    ids = [[rng.randrange(1, 10) for _ in range(rng.choice([0, 1, 2, 3, 5, 7, 9, 12, 13]))] for _ in range(1100)]
    labels = [[t if rng.random() < 0.7 else -100 for t in seq] for seq in ids]
    cases = []
    for strategy in ("bfd", "wrapped"):
        ds = Dataset.from_dict({"input_ids": ids, "labels": labels})
        packed = pack_dataset(ds, seq_length=12, strategy=strategy)
        cases.append({
            "strategy": strategy, "seq_length": 12, "input_ids": ids, "labels": labels,
            "packed_input_ids": packed["input_ids"][:], "packed_labels": packed["labels"][:],
            "seq_lengths": packed["seq_lengths"][:] if "seq_lengths" in packed.column_names else None,
        })
    return cases


def collator_cases():
    from trl.trainer.sft_trainer import DataCollatorForLanguageModeling

    examples = [
        {"input_ids": [5, 6, 7, 8], "labels": [-100, 6, 7, 8], "seq_lengths": [2, 2]},
        {"input_ids": [9, 10, 11], "labels": [9, -100, 11], "seq_lengths": [3]},
        {"input_ids": [12, 13, 14, 15, 16], "labels": [12, 13, 14, 15, 16], "seq_lengths": [1, 3, 1]},
    ]
    cases = []
    for padding_free in (False, True):
        collator = DataCollatorForLanguageModeling(pad_token_id=0, padding_free=padding_free)
        out = collator(examples if padding_free else [{k: v for k, v in e.items() if k != "seq_lengths"} for e in examples])
        cases.append({"padding_free": padding_free, "examples": examples,
                      "output": {k: (v.tolist() if hasattr(v, "tolist") else v) for k, v in out.items()}})
    return cases


def completion_only_cases(trl019):
    # TRL 1.x (already imported for packing) no longer has the 2024 collator: swap in 0.19.
    for name in [m for m in sys.modules if m == "trl" or m.startswith("trl.")]:
        del sys.modules[name]
    sys.path.insert(0, trl019)
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers, decoders
    from transformers import PreTrainedTokenizerFast
    from trl.trainer.utils import DataCollatorForCompletionOnlyLM

    rng = random.Random(11)
    words = "the a cat dog sums lists returns value two three reverse string python code answer question".split()
    def sentence(n):
        return " ".join(rng.choice(words) for _ in range(n))
    corpus = [f"### Question: {sentence(6)}\n ### Answer: {sentence(5)}" for _ in range(200)]
    corpus += [f"### Human: {sentence(4)} ### Assistant: {sentence(4)}" for _ in range(200)]
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(corpus, trainers.BpeTrainer(vocab_size=300, special_tokens=["<pad>", "</s>"],
                                                       initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", eos_token="</s>")

    cases = []
    # Single turn, response template only.
    resp = tokenizer.encode(" ### Answer:", add_special_tokens=False)
    texts = [f"### Question: {sentence(rng.randint(2, 9))}\n ### Answer: {sentence(rng.randint(1, 6))}</s>" for _ in range(24)]
    texts += [f"### Question: {sentence(3)} with no answer</s>", "### Answer: first ### Answer: second</s>"]
    cases += run_collator(DataCollatorForCompletionOnlyLM(resp, tokenizer=tokenizer), tokenizer, texts, resp, None)
    # Multi-turn, instruction and response templates.
    inst = tokenizer.encode("### Human:", add_special_tokens=False)
    resp2 = tokenizer.encode(" ### Assistant:", add_special_tokens=False)
    texts = []
    for _ in range(24):
        turns = rng.randint(1, 3)
        texts.append("".join(f"### Human: {sentence(rng.randint(1, 4))} ### Assistant: {sentence(rng.randint(1, 4))} " for _ in range(turns)) + "</s>")
    texts += ["### Assistant: starts with the answer ### Human: then asks</s>",
              "### Human: only a question</s>", "no templates at all</s>",
              "### Human: q ### Assistant: a ### Human: trailing question</s>"]
    cases += run_collator(DataCollatorForCompletionOnlyLM(resp2, instruction_template=inst, tokenizer=tokenizer),
                          tokenizer, texts, resp2, inst)
    # Templates as token ids cut from a context encoding (the 2024 docs' workaround for
    # templates that tokenize differently inside the text): "\n### Answer:"[1:] matches where
    # the standalone " ### Answer:" does not, single- and multi-turn.
    resp3 = tokenizer.encode("\n### Answer:", add_special_tokens=False)[1:]
    texts = [f"### Question: {sentence(rng.randint(2, 7))}\n### Answer: {sentence(rng.randint(1, 5))}</s>" for _ in range(8)]
    cases += run_collator(DataCollatorForCompletionOnlyLM(resp3, tokenizer=tokenizer), tokenizer, texts, resp3, None)
    cases += run_collator(DataCollatorForCompletionOnlyLM(resp, tokenizer=tokenizer), tokenizer, texts[:4], resp, None)
    resp4 = tokenizer.encode("\n### Assistant:", add_special_tokens=False)[1:]
    inst4 = tokenizer.encode("\n### Human:", add_special_tokens=False)[1:]
    texts = ["".join(f"### Human: {sentence(rng.randint(1, 4))}\n### Assistant: {sentence(rng.randint(1, 4))}\n"
                     for _ in range(rng.randint(1, 3))) + "</s>" for _ in range(8)]
    cases += run_collator(DataCollatorForCompletionOnlyLM(resp4, instruction_template=inst4, tokenizer=tokenizer),
                          tokenizer, texts, resp4, inst4)
    return cases


def run_collator(collator, tokenizer, texts, response, instruction):
    import warnings
    cases = []
    for start in range(0, len(texts), 4):
        batch_texts = texts[start:start + 4]
        encoded = [tokenizer(t, add_special_tokens=False)["input_ids"] for t in batch_texts]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            out = collator([{"input_ids": ids} for ids in encoded])
        for i, ids in enumerate(encoded):
            cases.append({"text": batch_texts[i], "input_ids": ids, "response": response, "instruction": instruction,
                          "labels": out["labels"][i][:len(ids)].tolist(),
                          "warned": any("Could not find" in str(w.message) and batch_texts[i][:20] in str(w.message) for w in caught)})
    return cases


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trl019", default="/tmp/trl019/x", help="unpacked trl-0.19.1 wheel")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    for name, cases in (("packing", packing_cases()), ("collator", collator_cases()),
                        ("completion_only", completion_only_cases(args.trl019))):
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(cases, f, separators=(",", ":"))
            f.write("\n")
        print(name, len(cases))


if __name__ == "__main__":
    main()
