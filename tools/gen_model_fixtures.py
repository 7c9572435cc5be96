#!/usr/bin/env python3
"""Golden fixtures for sftnb's model families, from the real transformers + torch.

For each tiny random model variant, writes Tests/EngineTests/Fixtures/models/<variant>/:
  config.json, generation_config.json, model.safetensors   -- exactly what save_pretrained writes
  logits.safetensors   -- "logits" (batch, seq, vocab) float32 for the batch below
  grads.safetensors    -- d(loss)/d(param) for every parameter, under its state-dict name
  expected.json        -- the batch (input_ids, attention_mask, labels with -100 at pads),
                          the loss, the names/shapes saved, the Trainer's weight-decay
                          parameter names, and the losses of 10 AdamW steps (lr 1e-3, default
                          betas/eps) without and with weight decay 0.1 (non-bias/non-norm only).
And Tests/EngineTests/Fixtures/models/config_roundtrip/<family>/{input,saved}.json: a Hub-style
(transformers 4.x) config.json and what transformers 5 writes back after loading it.

Run with the project venv:  /work/venv/bin/python tools/gen_model_fixtures.py
Dropout is 0 in every config; the model is in train() mode for gradients; eager attention.
"""
import json
import os
import re
import shutil
import sys

import torch
from safetensors.torch import save_file
from transformers import (AutoConfig, AutoModelForCausalLM, GPT2Config, GPTNeoConfig, LlamaConfig,
                          OPTConfig)
from transformers.trainer_pt_utils import get_parameter_names

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "EngineTests", "Fixtures", "models")
VOCAB = 96
SEQ = 12
COMMON = dict(vocab_size=VOCAB, bos_token_id=1, eos_token_id=2, pad_token_id=0)


def variants():
    yield "gpt2", GPT2Config(n_positions=32, n_embd=16, n_layer=2, n_head=2, resid_pdrop=0.0, embd_pdrop=0.0,
                             attn_pdrop=0.0, summary_first_dropout=0.0, **COMMON)
    yield "opt", OPTConfig(hidden_size=16, num_hidden_layers=2, ffn_dim=32, num_attention_heads=2,
                           max_position_embeddings=32, dropout=0.0, attention_dropout=0.0,
                           do_layer_norm_before=True, **COMMON)
    yield "opt-350m-style", OPTConfig(hidden_size=16, num_hidden_layers=2, ffn_dim=32, num_attention_heads=2,
                                      max_position_embeddings=32, dropout=0.0, attention_dropout=0.0,
                                      do_layer_norm_before=False, word_embed_proj_dim=8, **COMMON)
    yield "gpt_neo", GPTNeoConfig(hidden_size=16, num_layers=2, num_heads=2, max_position_embeddings=32,
                                  attention_types=[[["global", "local"], 1]], window_size=4,
                                  resid_dropout=0.0, embed_dropout=0.0, attention_dropout=0.0,
                                  classifier_dropout=0.0, **COMMON)
    yield "llama", LlamaConfig(hidden_size=16, intermediate_size=32, num_hidden_layers=2, num_attention_heads=4,
                               num_key_value_heads=2, max_position_embeddings=32, tie_word_embeddings=False,
                               attention_dropout=0.0, **COMMON)
    yield "llama-tied", LlamaConfig(hidden_size=16, intermediate_size=32, num_hidden_layers=2,
                                    num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=32,
                                    tie_word_embeddings=True, attention_dropout=0.0, rms_norm_eps=1e-5, **COMMON)


def batch():
    g = torch.Generator().manual_seed(1234)
    input_ids = torch.randint(3, VOCAB, (2, SEQ), generator=g)
    attention_mask = torch.ones(2, SEQ, dtype=torch.long)
    # Right padding in the second row: its last 3 positions are pads.
    input_ids[1, SEQ - 3:] = COMMON["pad_token_id"]
    attention_mask[1, SEQ - 3:] = 0
    labels = input_ids.clone()
    labels[attention_mask == 0] = -100
    return input_ids, attention_mask, labels


def decay_names(model):
    # Exactly what Trainer.get_decay_parameter_names does in the installed transformers.
    patterns = [r"bias", r"layernorm", r"rmsnorm", r"(?:^|\.)norm(?:$|\.)", r"_norm(?:$|\.)"]
    return get_parameter_names(model, [torch.nn.LayerNorm], patterns)


def adamw_losses(directory, weight_decay, input_ids, attention_mask, labels):
    model = AutoModelForCausalLM.from_pretrained(directory, attn_implementation="eager", dtype=torch.float32)
    model.train()
    if weight_decay:
        decay = set(decay_names(model))
        groups = [
            {"params": [p for n, p in model.named_parameters() if n in decay], "weight_decay": weight_decay},
            {"params": [p for n, p in model.named_parameters() if n not in decay], "weight_decay": 0.0},
        ]
    else:
        groups = [{"params": list(model.parameters()), "weight_decay": 0.0}]
    opt = torch.optim.AdamW(groups, lr=1e-3, foreach=False)
    losses = []
    for _ in range(10):
        opt.zero_grad()
        loss = model(input_ids=input_ids, attention_mask=attention_mask, labels=labels).loss
        losses.append(loss.item())
        loss.backward()
        opt.step()
    return losses


def generate(name, config):
    out = os.path.join(ROOT, name)
    shutil.rmtree(out, ignore_errors=True)
    torch.manual_seed(0)
    config._attn_implementation = "eager"
    model = AutoModelForCausalLM.from_config(config, attn_implementation="eager", dtype=torch.float32)
    model.save_pretrained(out)
    input_ids, attention_mask, labels = batch()
    model.train()
    result = model(input_ids=input_ids, attention_mask=attention_mask, labels=labels)
    result.loss.backward()
    grads = {n: p.grad.detach().contiguous() for n, p in model.named_parameters()}
    save_file(grads, os.path.join(out, "grads.safetensors"), metadata={"format": "pt"})
    save_file({"logits": result.logits.detach().contiguous()}, os.path.join(out, "logits.safetensors"),
              metadata={"format": "pt"})
    state = model.state_dict()
    expected = {
        "generator": "tools/gen_model_fixtures.py",
        "transformers_version": __import__("transformers").__version__,
        "torch_version": torch.__version__,
        "model_class": type(model).__name__,
        "input_ids": input_ids.tolist(),
        "attention_mask": attention_mask.tolist(),
        "labels": labels.tolist(),
        "loss": result.loss.item(),
        "parameters": {n: list(p.shape) for n, p in model.named_parameters()},
        "num_parameters": model.num_parameters(),
        "state_dict_keys": list(state.keys()),
        "decay_parameter_names": decay_names(model),
        "adamw_lr": 1e-3,
        "adamw_losses": adamw_losses(out, 0.0, input_ids, attention_mask, labels),
        "adamw_weight_decay": 0.1,
        "adamw_wd_losses": adamw_losses(out, 0.1, input_ids, attention_mask, labels),
    }
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(name, "loss", expected["loss"], "params", expected["num_parameters"])


LEGACY_CONFIGS = {
    "llama": {"architectures": ["LlamaForCausalLM"], "attention_bias": False, "bos_token_id": 1, "eos_token_id": 2,
              "hidden_act": "silu", "hidden_size": 576, "initializer_range": 0.02, "intermediate_size": 1536,
              "max_position_embeddings": 2048, "model_type": "llama", "num_attention_heads": 9,
              "num_hidden_layers": 30, "num_key_value_heads": 3, "pretraining_tp": 1, "rms_norm_eps": 1e-05,
              "rope_scaling": None, "rope_theta": 100000.0, "tie_word_embeddings": True, "torch_dtype": "bfloat16",
              "transformers_version": "4.40.0.dev0", "use_cache": True, "vocab_size": 49152,
              "custom_note": "caf\u00e9 \u2603", "custom_list": [1, 2.5, None, True]},
    "gpt2": {"activation_function": "gelu_new", "architectures": ["GPT2LMHeadModel"], "attn_pdrop": 0.1,
             "bos_token_id": 50256, "embd_pdrop": 0.1, "eos_token_id": 50256, "initializer_range": 0.02,
             "layer_norm_epsilon": 1e-05, "model_type": "gpt2", "n_ctx": 1024, "n_embd": 768, "n_head": 12,
             "n_layer": 12, "n_positions": 1024, "resid_pdrop": 0.1, "summary_activation": None,
             "summary_first_dropout": 0.1, "summary_proj_to_labels": True, "summary_type": "cls_index",
             "summary_use_proj": True,
             "task_specific_params": {"text-generation": {"do_sample": True, "max_length": 50}},
             "vocab_size": 50257},
    "opt": {"_name_or_path": "facebook/opt-350m", "_remove_final_layer_norm": False, "activation_dropout": 0.0,
            "activation_function": "relu", "architectures": ["OPTForCausalLM"], "attention_dropout": 0.0,
            "bos_token_id": 2, "do_layer_norm_before": False, "dropout": 0.1, "eos_token_id": 2, "ffn_dim": 4096,
            "hidden_size": 1024, "init_std": 0.02, "layerdrop": 0.0, "max_position_embeddings": 2048,
            "model_type": "opt", "num_attention_heads": 16, "num_hidden_layers": 24, "pad_token_id": 1,
            "prefix": "</s>", "torch_dtype": "float16", "transformers_version": "4.20.0.dev0", "use_cache": True,
            "vocab_size": 50272, "word_embed_proj_dim": 512},
    "gpt_neo": {"activation_function": "gelu_new", "architectures": ["GPTNeoForCausalLM"], "attention_dropout": 0,
                "attention_layers": ["global", "local"] * 6,
                "attention_types": [[["global", "local"], 6]], "bos_token_id": 50256, "embed_dropout": 0,
                "eos_token_id": 50256, "gradient_checkpointing": False, "hidden_size": 768,
                "initializer_range": 0.02, "intermediate_size": None, "layer_norm_epsilon": 1e-05,
                "max_position_embeddings": 2048, "model_type": "gpt_neo", "num_heads": 12, "num_layers": 12,
                "resid_dropout": 0, "summary_activation": None, "summary_first_dropout": 0.1,
                "summary_proj_to_labels": True, "summary_type": "cls_index", "summary_use_proj": True,
                "transformers_version": "4.9.0.dev0", "use_cache": True, "vocab_size": 50257, "window_size": 256},
}


def config_roundtrips():
    for family, cfg in LEGACY_CONFIGS.items():
        out = os.path.join(ROOT, "config_roundtrip", family)
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        with open(os.path.join(out, "config.json"), "w") as f:
            json.dump(cfg, f, indent=2)
        config = AutoConfig.from_pretrained(out)
        tmp = out + "_tmp"
        config.save_pretrained(tmp)
        shutil.move(os.path.join(tmp, "config.json"), os.path.join(out, "saved.json"))
        shutil.rmtree(tmp)


def safetensors_mixed():
    """Every dtype sftnb reads, with awkward names, for byte-exact reader/writer tests."""
    out = os.path.join(ROOT, "safetensors_mixed")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    g = torch.Generator().manual_seed(7)
    f32 = torch.randn(3, 5, generator=g)
    f32[0, 0] = 1.00390625  # exactly halfway between two bf16 values: ties to even
    f32[0, 1] = float("inf")
    f32[0, 2] = -0.0
    tensors = {
        "b.f32": f32,
        "a.bf16": f32.to(torch.bfloat16),
        "c.f16": f32.to(torch.float16),
        "ids.i64": torch.tensor([[0, -1, 2**40], [7, 8, 9]], dtype=torch.int64),
        "ids.i32": torch.tensor([1, -2, 3], dtype=torch.int32),
        "mask.bool": torch.tensor([True, False, True]),
        "bytes.u8": torch.tensor([0, 127, 255], dtype=torch.uint8),
        "empty": torch.zeros(0, 4),
        "scalar": torch.tensor(2.5),
        "z.caf\u00e9": torch.ones(2),
    }
    save_file(tensors, os.path.join(out, "mixed.safetensors"), metadata={"format": "pt"})
    expected = {
        # Bit patterns (JSON has no inf): float32 as int32, 16-bit types as uint16.
        "f32_bits": f32.view(torch.int32).flatten().tolist(),
        "bf16_bits": [b & 0xFFFF for b in f32.to(torch.bfloat16).view(torch.int16).flatten().tolist()],
        "f16_bits": [b & 0xFFFF for b in f32.to(torch.float16).view(torch.int16).flatten().tolist()],
    }
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


def sharded():
    """save_pretrained of a model loaded with from_pretrained, cut into 5000-byte shards:
    the shard split and index sftnb must reproduce byte for byte."""
    out = os.path.join(ROOT, "sharded", "llama")
    shutil.rmtree(out, ignore_errors=True)
    model = AutoModelForCausalLM.from_pretrained(os.path.join(ROOT, "llama"))
    model.save_pretrained(out, max_shard_size=5000)


def main():
    os.makedirs(ROOT, exist_ok=True)
    safetensors_mixed()
    for name, config in variants():
        generate(name, config)
    config_roundtrips()
    sharded()


if __name__ == "__main__":
    sys.exit(main())
