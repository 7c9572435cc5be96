#!/usr/bin/env python3
"""Prints the dataclass fields (name, type, default) of the real TrainingArguments, SFTConfig
and LoraConfig as script-language source, for stdlib/{transformers,trl,peft}.py.

  /path/to/venv/bin/python tools/gen_config_fields.py CLASS

The defaults in stdlib are checked against the real classes by tools/check_stdlib_configs.py.
"""
import dataclasses
import enum
import sys


def literal(value):
    if isinstance(value, enum.Enum):
        return repr(value.value)
    return repr(value)


def main(name):
    from transformers import TrainingArguments
    from trl import SFTConfig
    from peft import LoraConfig
    cls = {"TrainingArguments": TrainingArguments, "SFTConfig": SFTConfig, "LoraConfig": LoraConfig}[name]
    base = {f.name for f in dataclasses.fields(TrainingArguments)} if name == "SFTConfig" else set()
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        if f.default is not dataclasses.MISSING:
            default = literal(f.default)
        elif f.default_factory is not dataclasses.MISSING:
            default = f"field(default_factory=lambda: {literal(f.default_factory())})"
        else:
            default = None
        if name == "SFTConfig" and f.name in base:
            tf = {g.name: g for g in dataclasses.fields(TrainingArguments)}[f.name]
            if tf.default == f.default:
                continue
        print(f"    {f.name}: Any = {default}" if default is not None else f"    {f.name}: Any")


if __name__ == "__main__":
    main(sys.argv[1])
