#!/usr/bin/env python3
"""Baseline for `sftnb bench datasets`: the same three steps with Hugging Face `datasets`.

  /work/venv/bin/python benchmarks/datasets/hf_baseline.py [--file /tmp/sftnb-bench.jsonl] [--mb 100]

Generates the JSON Lines file (deterministic; byte-identical to
`DatasetBenchmark.generate` in Swift) when it is missing, then times: load_dataset("json")
with a fresh cache directory (no cache hit), map of a formatting function over 20,000
rows, shuffle(seed=42).select(range(10000)).to_list(). Prints one JSON object.
"""
import argparse
import json
import os
import shutil
import tempfile
import time

WORDS = ["the", "model", "learns", "a", "small", "task", "from", "short", "examples", "and",
         "data", "set", "rows", "with", "text", "label", "train", "test", "token", "loss"]
M64 = (1 << 64) - 1


def generate(path, target_bytes):
    state = 12345

    def nxt():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & M64
        return state >> 33

    size, i = 0, 0
    with open(path + ".tmp", "w", encoding="utf-8", newline="\n") as f:
        while size < target_bytes:
            n = 20 + nxt() % 80
            text = " ".join(WORDS[nxt() % len(WORDS)] for _ in range(n))
            score = nxt() % 10000
            line = (f'{{"id": {i}, "text": "{text}", "label": {i % 2}, "score": {score // 100}.{score % 100:02d}, '
                    f'"tags": ["t{i % 7}", "u{i % 3}"]}}\n')
            f.write(line)
            size += len(line)
            i += 1
    os.replace(path + ".tmp", path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", default="/tmp/sftnb-bench.jsonl")
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--generate-only", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(args.file):
        generate(args.file, int(args.mb * 1e6))
    if args.generate_only:
        return
    import datasets
    datasets.disable_progress_bars()
    cache = tempfile.mkdtemp(prefix="hf-bench-cache-")
    try:
        t = time.perf_counter()
        ds = datasets.load_dataset("json", data_files=args.file, split="train", cache_dir=cache)
        load = time.perf_counter() - t

        def fmt(row):
            return {"formatted": f"### Text: {row['text']}\n### Label: {row['label']}"}

        n = min(20000, len(ds))
        t = time.perf_counter()
        ds.select(range(n)).map(fmt)
        mapped = time.perf_counter() - t
        t = time.perf_counter()
        picked = ds.shuffle(seed=42).select(range(min(10000, len(ds)))).to_list()
        shuffled = time.perf_counter() - t
        assert len(picked) == min(10000, len(ds))
        size = os.path.getsize(args.file)
        print(json.dumps({"impl": "datasets " + datasets.__version__, "bytes": size, "rows": len(ds),
                          "load_s": round(load, 4), "load_mb_per_s": round(size / 1e6 / load, 4), "map_rows": n,
                          "map_s": round(mapped, 4), "shuffle_select_s": round(shuffled, 4)}))
    finally:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
