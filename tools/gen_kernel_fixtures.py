"""Generates the engine-kernel golden fixtures from torch/transformers.

Writes small JSON files to Tests/EngineTests/Fixtures/kernels/ (each names this script).
Run with the project venv:  /work/venv/bin/python tools/gen_kernel_fixtures.py
"""
import json
import math
import os

import torch
import torch.nn.functional as F
from transformers.activations import ACT2FN
from transformers.models.llama.modeling_llama import LlamaRMSNorm, LlamaRotaryEmbedding, apply_rotary_pos_emb
from transformers.models.llama.configuration_llama import LlamaConfig
from transformers.optimization import get_scheduler

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "EngineTests", "Fixtures", "kernels")
GEN = "tools/gen_kernel_fixtures.py"
torch.manual_seed(0)


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def write(name, obj):
    obj = {"generator": GEN, "torch": torch.__version__, **obj}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, separators=(",", ":"))
        f.write("\n")


def activations():
    x = torch.cat([torch.linspace(-9, 9, 73), torch.randn(23) * 3]).float()
    out = {"x": flat(x)}
    for name in ["gelu", "gelu_new", "gelu_pytorch_tanh", "silu", "relu"]:
        xi = x.clone().requires_grad_(True)
        y = ACT2FN[name](xi)
        y.sum().backward()
        out[name] = {"y": flat(y), "dydx": flat(xi.grad)}
    write("activations.json", out)


def hf_attention(q, k, v, allowed, scale):
    """q (B,T,H,D), k/v (B,T,Hkv,D); allowed (B,T,T) bool. HF eager: additive finfo.min mask."""
    b, t, h, d = q.shape
    hkv = k.shape[2]
    qh = q.transpose(1, 2)
    kh = k.transpose(1, 2).repeat_interleave(h // hkv, dim=1)
    vh = v.transpose(1, 2).repeat_interleave(h // hkv, dim=1)
    scores = qh @ kh.transpose(-1, -2) * scale
    add = torch.where(allowed, 0.0, torch.finfo(torch.float32).min)[:, None, :, :]
    probs = torch.softmax(scores + add, dim=-1)
    out = (probs @ vh).transpose(1, 2)
    return out, probs


def attention_case(name, b, t, h, hkv, d, scale, causal=True, pad=None, docs=None, window=None):
    q = torch.randn(b, t, h, d, requires_grad=True)
    k = torch.randn(b, t, hkv, d, requires_grad=True)
    v = torch.randn(b, t, hkv, d, requires_grad=True)
    i = torch.arange(t)[:, None]
    j = torch.arange(t)[None, :]
    allowed = torch.ones(b, t, t, dtype=torch.bool)
    if causal:
        allowed &= (j <= i)[None]
    if window is not None:
        allowed &= (i - j < window)[None]
    if pad is not None:
        allowed &= torch.tensor(pad, dtype=torch.bool)[:, None, :]
    if docs is not None:
        dt = torch.tensor(docs)
        allowed &= dt[:, :, None] == dt[:, None, :]
    out, probs = hf_attention(q, k, v, allowed, scale)
    dout = torch.randn_like(out)
    (out * dout).sum().backward()
    case = {
        "name": name, "batch": b, "seqLen": t, "heads": h, "kvHeads": hkv, "headDim": d, "scale": scale,
        "causal": causal, "window": window, "keyPadding": pad, "documentIds": docs,
        "q": flat(q), "k": flat(k), "v": flat(v), "out": flat(out), "probs": flat(probs),
        "dout": flat(dout), "dq": flat(q.grad), "dk": flat(k.grad), "dv": flat(v.grad),
    }
    return case


def attention():
    cases = [
        attention_case("causal", 2, 5, 2, 2, 4, 0.5),
        attention_case("causal+left padding", 2, 6, 2, 2, 4, 0.5, pad=[[1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 1, 1]]),
        attention_case("causal+right padding", 2, 6, 2, 2, 4, 0.5, pad=[[1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1]]),
        attention_case("packed documents", 1, 7, 2, 2, 4, 0.5, docs=[[0, 0, 0, 1, 1, 2, 2]]),
        attention_case("gpt-neo local window, no scale", 1, 7, 2, 2, 4, 1.0, window=3),
        attention_case("grouped-query", 2, 5, 4, 2, 4, 0.5),
    ]
    write("attention.json", {"cases": cases})


def rope():
    cases = []
    for theta, d in [(10000.0, 8), (500000.0, 16)]:
        cfg = LlamaConfig(hidden_size=d * 2, num_attention_heads=2, head_dim=d, rope_theta=theta,
                          max_position_embeddings=64)
        rot = LlamaRotaryEmbedding(cfg)
        pos = torch.tensor([[0, 1, 2, 3, 0, 1, 2, 37]])
        q = torch.randn(1, 8, 2, d)  # (B, T, H, D)
        cos, sin = rot(q, pos)
        qr, _ = apply_rotary_pos_emb(q.transpose(1, 2), q.transpose(1, 2), cos, sin)
        cases.append({"theta": theta, "headDim": d, "heads": 2, "positions": pos.reshape(-1).tolist(),
                      "x": flat(q), "y": flat(qr.transpose(1, 2))})
    write("rope.json", {"cases": cases})


def norms():
    x = torch.randn(3, 10, requires_grad=True)
    ln = torch.nn.LayerNorm(10, eps=1e-5)
    with torch.no_grad():
        ln.weight.copy_(torch.randn(10))
        ln.bias.copy_(torch.randn(10))
    y = ln(x)
    dy = torch.randn_like(y)
    (y * dy).sum().backward()
    layer = {"x": flat(x), "w": flat(ln.weight), "b": flat(ln.bias), "eps": 1e-5, "y": flat(y), "dy": flat(dy),
             "dx": flat(x.grad), "dw": flat(ln.weight.grad), "db": flat(ln.bias.grad)}
    x2 = torch.randn(3, 10, requires_grad=True)
    rms = LlamaRMSNorm(10, eps=1e-6)
    with torch.no_grad():
        rms.weight.copy_(torch.randn(10))
    y2 = rms(x2)
    dy2 = torch.randn_like(y2)
    (y2 * dy2).sum().backward()
    r = {"x": flat(x2), "w": flat(rms.weight), "eps": 1e-6, "y": flat(y2), "dy": flat(dy2),
         "dx": flat(x2.grad), "dw": flat(rms.weight.grad)}
    write("norms.json", {"layerNorm": layer, "rmsNorm": r})


def adamw():
    runs = []
    for fused in [False, True]:
        torch.manual_seed(1)
        w = torch.nn.Parameter(torch.randn(13))
        b = torch.nn.Parameter(torch.randn(5))
        start = flat(w) + flat(b)
        opt = torch.optim.AdamW([{"params": [w], "weight_decay": 0.01}, {"params": [b], "weight_decay": 0.0}],
                                lr=1e-2, betas=(0.9, 0.999), eps=1e-8, fused=fused)
        steps = []
        for s, lr in enumerate([1e-2, 5e-3, 2e-2]):
            for g in opt.param_groups:
                g["lr"] = lr
            w.grad = torch.randn(13) * (s + 1)
            b.grad = torch.randn(5)
            grads = flat(w.grad) + flat(b.grad)
            opt.step()
            st_w, st_b = opt.state[w], opt.state[b]
            steps.append({"lr": lr, "grads": grads, "params": flat(w) + flat(b),
                          "m": flat(st_w["exp_avg"]) + flat(st_b["exp_avg"]),
                          "v": flat(st_w["exp_avg_sq"]) + flat(st_b["exp_avg_sq"])})
        runs.append({"fused": fused, "decayCount": 13, "count": 18, "weightDecay": 0.01, "start": start, "steps": steps})
    write("adamw.json", {"runs": runs})


def schedules():
    out = []
    for name in ["constant", "constant_with_warmup", "linear", "cosine"]:
        for warmup in [0, 3]:
            p = torch.nn.Parameter(torch.zeros(1))
            opt = torch.optim.SGD([p], lr=1e-3)
            sched = get_scheduler(name, opt, num_warmup_steps=warmup, num_training_steps=10)
            lrs = []
            for _ in range(12):
                lrs.append(opt.param_groups[0]["lr"])  # lr used by this update
                opt.step()
                sched.step()
            out.append({"name": name, "warmup": warmup, "total": 10, "baseLR": 1e-3, "updateLRs": lrs})
    write("schedules.json", {"schedules": out})


def clipping():
    cases = []
    for max_norm, scale in [(1.0, 1.0), (100.0, 1.0), (0.5, 3.0)]:
        a = torch.nn.Parameter(torch.zeros(7))
        b = torch.nn.Parameter(torch.zeros(3, 4))
        a.grad = torch.randn(7) * scale
        b.grad = torch.randn(3, 4) * scale
        before = flat(a.grad) + flat(b.grad)
        total = torch.nn.utils.clip_grad_norm_([a, b], max_norm)
        cases.append({"maxNorm": max_norm, "sizes": [7, 12], "grads": before, "totalNorm": float(total),
                      "clipped": flat(a.grad) + flat(b.grad)})
    write("clip.json", {"cases": cases})


def cross_entropy():
    n, c, v = 6, 5, 7
    h = torch.randn(n, c, requires_grad=True)
    w = torch.randn(v, c, requires_grad=True)
    targets = torch.tensor([3, -100, 0, 6, -100, 2])
    logits = h @ w.T
    loss = F.cross_entropy(logits, targets, ignore_index=-100)
    loss.backward()
    mask = targets != -100
    correct = int((logits.argmax(-1)[mask] == targets[mask]).sum())
    write("cross_entropy.json", {"rows": n, "dim": c, "vocab": v, "hidden": flat(h), "weight": flat(w),
                                  "targets": targets.tolist(), "loss": loss.item(), "correct": correct,
                                  "dHidden": flat(h.grad), "dWeight": flat(w.grad)})


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    activations()
    attention()
    rope()
    norms()
    adamw()
    schedules()
    clipping()
    cross_entropy()
