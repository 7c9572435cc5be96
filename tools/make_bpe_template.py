#!/usr/bin/env python3
"""Write stdlib/models/sftnb/byte-level-bpe/: an *untrained* byte-level BPE tokenizer (the 256
byte symbols, no merges, `<|endoftext|>`), GPT-2's pipeline. It holds no learned data: it is the
template `tokenizer.train_new_from_iterator(corpus, vocab_size)` starts from in
notebooks/pretrain_tiny.sftnb, which trains the bundled tiny models' tokenizer with sftnb itself.

Usage: /work/venv/bin/python tools/make_bpe_template.py
"""
from pathlib import Path

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors
from transformers import PreTrainedTokenizerFast

OUT = Path(__file__).resolve().parent.parent / "stdlib" / "models" / "sftnb" / "byte-level-bpe"

alphabet = pre_tokenizers.ByteLevel.alphabet()
vocab = {symbol: i for i, symbol in enumerate(sorted(alphabet))}
vocab["<|endoftext|>"] = len(vocab)
tok = Tokenizer(models.BPE(vocab=vocab, merges=[]))
tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
tok.decoder = decoders.ByteLevel()
tok.post_processor = processors.ByteLevel(trim_offsets=False)
fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<|endoftext|>", eos_token="<|endoftext|>",
                               unk_token="<|endoftext|>", model_max_length=512)
fast.save_pretrained(str(OUT))
print("wrote", OUT)
