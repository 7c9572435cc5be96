#!/usr/bin/env python3
"""Make Tests/InterpreterTests/modules/tiny-model-adapter/: a LoRA adapter for modules/tiny-model
(GPT-2, 2 layers) saved by the real PEFT, with non-zero A and B (init_lora_weights=False,
torch.manual_seed(0)) so that loading it changes the model's loss and generations. The golden
script peft_load_adapter.py loads it in sftnb and compares with PEFT's numbers.

Usage: /work/venv/bin/python tools/gen_peft_fixtures.py   (then tools/gen_module_goldens.py)
"""
import os
from pathlib import Path

import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM

MODULES = Path(__file__).resolve().parent.parent / "Tests" / "InterpreterTests" / "modules"


def main():
    os.chdir(MODULES)
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_pretrained("tiny-model")
    config = LoraConfig(r=4, lora_alpha=8, target_modules=["c_attn", "c_fc"], init_lora_weights=False,
                        task_type="CAUSAL_LM")
    peft_model = get_peft_model(model, config)
    with torch.no_grad():   # scale B up so the adapter visibly changes the greedy generations
        for name, p in peft_model.named_parameters():
            if "lora_B" in name:
                p.mul_(4.0)
    out = MODULES / "tiny-model-adapter"
    peft_model.save_pretrained(str(out))
    (out / "README.md").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
