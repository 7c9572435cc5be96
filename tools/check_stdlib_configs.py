#!/usr/bin/env python3
"""Checks stdlib's config classes (TrainingArguments, SFTConfig, LoraConfig) against the real
libraries: same fields, same defaults, same order. Run with the venv that has transformers/trl/peft:

  /path/to/venv/bin/python tools/check_stdlib_configs.py

sftnb's own additions (the 2024 alias `max_seq_length`) are listed in EXTRA and skipped.
"""
import dataclasses
import importlib.util
import os
import sys
import types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTRA = {"max_seq_length"}
# Defaults sftnb resolves differently on purpose (float32 compute) — compared as documented here.
DIFFERENT = {("LoraConfig", "runtime_config")}


class _NativeStub(types.ModuleType):
    """Stands in for sftnb's native modules (`_transformers`, `_peft`, ...), which only exist inside
    sftnb: the stdlib files import classes from them that this check does not look at."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return type(name, (), {})


for _native in ("_transformers", "_transformers_pipeline", "_peft", "_trl", "_datasets"):
    sys.modules.setdefault(_native, _NativeStub(_native))


def load(name, alias):
    spec = importlib.util.spec_from_file_location(alias, os.path.join(ROOT, "stdlib", name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def defaults(cls):
    out = []
    for f in dataclasses.fields(cls):
        if not f.init or f.name in EXTRA:
            continue
        if f.default is not dataclasses.MISSING:
            value = f.default
        elif f.default_factory is not dataclasses.MISSING:
            value = f.default_factory()
        else:
            value = "<required>"
        value = getattr(value, "value", value)
        out.append((f.name, value))
    return out


def main():
    import transformers, trl, peft
    ours_tf = load("transformers", "transformers")  # trl.py imports `transformers`: give it ours
    sys.modules["transformers"] = ours_tf
    ours_trl = load("trl", "sftnb_trl")
    ours_peft = load("peft", "sftnb_peft")
    sys.modules["transformers"] = transformers
    failures = 0
    for label, real, ours in (("TrainingArguments", transformers.TrainingArguments, ours_tf.TrainingArguments),
                              ("SFTConfig", trl.SFTConfig, ours_trl.SFTConfig),
                              ("LoraConfig", peft.LoraConfig, ours_peft.LoraConfig)):
        a, b = defaults(real), defaults(ours)
        if [n for n, _ in a] != [n for n, _ in b]:
            print(f"{label}: field names differ:", set(n for n, _ in a) ^ set(n for n, _ in b))
            failures += 1
        for (n, x), (_, y) in zip(a, b):
            if x != y and (label, n) not in DIFFERENT:
                print(f"{label}.{n}: real {x!r}, sftnb {y!r}")
                failures += 1
    print("stdlib configs:", "OK" if failures == 0 else f"{failures} differences")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
