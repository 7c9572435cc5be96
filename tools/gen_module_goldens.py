#!/usr/bin/env python3
"""Regenerate the golden outputs of Tests/InterpreterTests/modules/ (scripts that use the
`transformers` tokenizer and `torch` bindings).

Step 1 (only with --tokenizer, or when tiny-tokenizer/ is missing): train a small byte-level
BPE with the `tokenizers` library on a fixed corpus, give it ChatML special tokens and a
ChatML chat template, and save it with transformers' `save_pretrained` into
modules/tiny-tokenizer/.
Then (with --tokenizer, or when tiny-lm/ is missing) save modules/tiny-lm/, a tiny GPT-2 over
that tokenizer for the trainer scripts (`trl_`).
Step 2: run every NAME.py with /work/venv/bin/python (cwd = the modules directory,
PYTHONHASHSEED=0) and write NAME.out (exact stdout). A script that fails aborts the run.

Usage: tools/gen_module_goldens.py [--tokenizer] [--check]
"""
import os
import subprocess
import sys
from pathlib import Path

MODULES = Path(__file__).resolve().parent.parent / "Tests" / "InterpreterTests" / "modules"
PYTHON = os.environ.get("SFTNB_VENV_PYTHON", "/work/venv/bin/python")
TOKENIZER_DIR = MODULES / "tiny-tokenizer"

CHATML = ("{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
          "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}")

CORPUS = [
    "The quick brown fox jumps over the lazy dog.",
    "Hello world! Hello there, how are you today?",
    "Fine-tuning small language models on a laptop is fun.",
    "What is the capital of France? The capital of France is Paris.",
    "Tokenizers split text into tokens; models predict the next token.",
    "user assistant system: you are a helpful assistant.",
    "Numbers like 1234 and 56.78 appear in text, as do emojis and accents: café, naïve.",
]


def make_tokenizer():
    from tokenizers import Tokenizer, models, pre_tokenizers, decoders, trainers, processors
    from transformers import PreTrainedTokenizerFast
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.ByteLevel(trim_offsets=False)
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(CORPUS * 20, trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<|im_start|>", eos_token="<|im_end|>",
                                   unk_token="<|endoftext|>", model_max_length=128)
    fast.chat_template = CHATML
    fast.save_pretrained(str(TOKENIZER_DIR))


def run_script(path):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8",
               TRANSFORMERS_VERBOSITY="error", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    proc = subprocess.run([PYTHON, path.name], cwd=MODULES, env=env, capture_output=True, timeout=300)
    if proc.returncode != 0:
        sys.exit(f"{path.name} failed:\n{proc.stderr.decode()[-3000:]}")
    return proc.stdout.decode("utf-8")


LM_DIR = MODULES / "tiny-lm"


def make_lm():
    """A 2-layer, 16-wide GPT-2 over tiny-tokenizer's 400 tokens, no dropout (so trainer runs
    that put the whole data set in one batch give the same losses in any implementation)."""
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel
    torch.manual_seed(0)
    config = GPT2Config(vocab_size=400, n_positions=64, n_embd=16, n_layer=2, n_head=2, resid_pdrop=0.0,
                        embd_pdrop=0.0, attn_pdrop=0.0, bos_token_id=1, eos_token_id=2)
    GPT2LMHeadModel(config).save_pretrained(str(LM_DIR))


def main():
    check = "--check" in sys.argv
    if "--tokenizer" in sys.argv or not TOKENIZER_DIR.exists():
        make_tokenizer()
    if "--tokenizer" in sys.argv or not LM_DIR.exists():
        make_lm()
    differ = 0
    for path in sorted(MODULES.glob("*.py")):
        out = run_script(path)
        target = path.with_suffix(".out")
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != out:
                print(f"differs: {target.name}")
                differ += 1
        else:
            target.write_text(out, encoding="utf-8")
    for stale in MODULES.glob("*.out"):
        if not stale.with_suffix(".py").exists() and not check:
            stale.unlink()
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
