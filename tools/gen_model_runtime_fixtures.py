#!/usr/bin/env python3
"""Golden fixtures for sftnb's model runtime (repr, generation, LoRA), from transformers + peft.

Reads the tiny models of tools/gen_model_fixtures.py (Tests/EngineTests/Fixtures/models/<variant>/)
and writes Tests/EngineTests/Fixtures/models/runtime/:
  repr.json        -- {variant: str(model)} as print(model) shows it
  generate.json    -- {variant: {prompts (left padded input_ids + attention_mask), max_new_tokens,
                      greedy output ids (generate(do_sample=False), pad_token_id 0, eos 2)}}
  lora-<variant>/  -- a PEFT adapter (save_pretrained) with non-zero B, the PeftModel logits on the
                      fixture batch, and print_trainable_parameters() output
Run with the project venv:  /work/venv/bin/python tools/gen_model_runtime_fixtures.py
"""
import contextlib
import io
import json
import os
import shutil

import torch
from safetensors.torch import save_file
from transformers import AutoModelForCausalLM

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "EngineTests", "Fixtures", "models")
OUT = os.path.join(ROOT, "runtime")
VARIANTS = ["gpt2", "opt", "opt-350m-style", "gpt_neo", "llama", "llama-tied"]


def load(variant):
    model = AutoModelForCausalLM.from_pretrained(os.path.join(ROOT, variant), attn_implementation="eager",
                                                 dtype=torch.float32)
    model.eval()
    return model


def prompts():
    # Two prompts of different lengths, left padded with pad id 0 as a tokenizer with padding_side="left".
    a = [5, 17, 33, 8, 61]
    b = [40, 9, 70]
    width = max(len(a), len(b))
    ids = [[0] * (width - len(p)) + p for p in (a, b)]
    mask = [[0] * (width - len(p)) + [1] * len(p) for p in (a, b)]
    return ids, mask


def main():
    os.makedirs(OUT, exist_ok=True)
    reprs, gens = {}, {}
    for v in VARIANTS:
        model = load(v)
        reprs[v] = str(model)
        ids, mask = prompts()
        out = model.generate(input_ids=torch.tensor(ids), attention_mask=torch.tensor(mask), do_sample=False,
                             max_new_tokens=8, pad_token_id=0, eos_token_id=2)
        gens[v] = {"input_ids": ids, "attention_mask": mask, "max_new_tokens": 8, "pad_token_id": 0,
                   "eos_token_id": 2, "output_ids": out.tolist()}
    with open(os.path.join(OUT, "repr.json"), "w") as f:
        json.dump(reprs, f, indent=1)
        f.write("\n")
    with open(os.path.join(OUT, "generate.json"), "w") as f:
        json.dump(gens, f, indent=1)
        f.write("\n")
    lora()


def lora():
    from peft import LoraConfig, get_peft_model
    expected = json.load(open(os.path.join(ROOT, "gpt2", "expected.json")))
    ids = torch.tensor(expected["input_ids"])
    mask = torch.tensor(expected["attention_mask"])
    for v, kwargs in [("gpt2", dict(target_modules=["c_attn"], fan_in_fan_out=True)),
                      ("llama", dict(target_modules=["q_proj", "v_proj"])),
                      ("opt", dict(target_modules="all-linear"))]:
        torch.manual_seed(0)
        model = load(v)
        config = LoraConfig(r=4, lora_alpha=8, lora_dropout=0.0, task_type="CAUSAL_LM", **kwargs)
        peft_model = get_peft_model(model, config)
        with torch.no_grad():
            for name, p in peft_model.named_parameters():
                if "lora_B" in name:
                    p.normal_(0, 0.1)
        out = os.path.join(OUT, "lora-" + v)
        shutil.rmtree(out, ignore_errors=True)
        peft_model.save_pretrained(out)
        peft_model.eval()
        with torch.no_grad():
            logits = peft_model(input_ids=ids, attention_mask=mask).logits
        save_file({"logits": logits.contiguous()}, os.path.join(out, "logits.safetensors"), metadata={"format": "pt"})
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            peft_model.print_trainable_parameters()
        with open(os.path.join(out, "expected.json"), "w") as f:
            json.dump({"print_trainable_parameters": buf.getvalue().strip(),
                       "keys": sorted(k for k in __import__("safetensors").safe_open(
                           os.path.join(out, "adapter_model.safetensors"), "pt").keys())}, f, indent=1)
            f.write("\n")
        for extra in ["README.md"]:
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(out, extra))


if __name__ == "__main__":
    main()
