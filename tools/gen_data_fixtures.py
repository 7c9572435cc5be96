#!/usr/bin/env python3
"""Golden fixtures for sftnb's data-set engine, from the real `datasets` / numpy.

Run with the project venv:  /work/venv/bin/python tools/gen_data_fixtures.py
Writes Tests/EngineTests/Fixtures/data/*.json (small; tests never need Python).
"""
import json
import math
import os
import sys
import tempfile

import datasets
import numpy as np
from datasets import Dataset, DatasetDict, load_dataset

datasets.disable_progress_bars()
datasets.logging.set_verbosity_error()
OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "EngineTests", "Fixtures", "data")
TMP = tempfile.mkdtemp(prefix="sftnb-data-fixtures-")


def write(name, obj):
    obj = {"generator": "tools/gen_data_fixtures.py", "datasets": datasets.__version__,
           "numpy": np.__version__, **obj}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False)
        f.write("\n")


def digest(perm):
    """Order-sensitive checksum of a permutation, so long ones need not be stored."""
    return int(sum((i + 1) * int(p) for i, p in enumerate(perm)) % (2**61 - 1))


def jsonable(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    if isinstance(v, list):
        return [jsonable(x) for x in v]
    return v


def shuffle_fixtures():
    cases = []
    for seed in [0, 1, 42, 1234, 2**32 + 5, 2**63 + 11]:
        for n in [1, 2, 3, 10, 1000, 100000]:
            perm = np.random.default_rng(seed).permutation(n)
            cases.append({"seed": str(seed), "n": n, "head": [int(x) for x in perm[:20]],
                          "tail": [int(x) for x in perm[-5:]], "digest": digest(perm)})
    # And through datasets itself, to pin that shuffle == default_rng(seed).permutation.
    ds = Dataset.from_dict({"i": list(range(50))})
    via = {str(s): ds.shuffle(seed=s)["i"][:] for s in [0, 7, 42]}
    raw = [int(x) for x in np.random.PCG64(42).random_raw(4)]
    write("shuffle.json", {"permutations": cases, "dataset_shuffle_50": {k: list(v) for k, v in via.items()},
                           "pcg64_raw_seed42": [str(x) for x in raw]})


def split_fixtures():
    cases = []
    specs = [(10, 0.2, None, 42, True), (100, 0.1, None, 0, True), (7, 0.25, None, 1, True),
             (3000, 0.1, None, 42, True), (10, 3, None, 5, True), (10, None, 0.6, 5, True),
             (10, 0.3, 0.5, 9, True), (10, 0.2, None, None, False), (11, None, None, 3, True)]
    for n, test, train, seed, shuffle in specs:
        ds = Dataset.from_dict({"i": list(range(n))})
        kw = {}
        if test is not None:
            kw["test_size"] = test
        if train is not None:
            kw["train_size"] = train
        dd = ds.train_test_split(seed=seed, shuffle=shuffle, **kw)
        cases.append({"n": n, "test_size": test, "train_size": train, "seed": seed, "shuffle": shuffle,
                      "test_is_int": isinstance(test, int), "train_is_int": isinstance(train, int),
                      "train": list(dd["train"]["i"][:]), "test": list(dd["test"]["i"][:]), "repr": repr(dd)})
    errors = []
    for n, test, train in [(10, 10, None), (10, 1.0, None), (10, 0.6, 0.6), (2, 0.99, None)]:
        ds = Dataset.from_dict({"i": list(range(n))})
        kw = {"test_size": test} if train is None else {"test_size": test, "train_size": train}
        try:
            ds.train_test_split(seed=0, **kw)
            errors.append({"n": n, "test_size": test, "train_size": train, "error": None})
        except ValueError as e:
            errors.append({"n": n, "test_size": test, "train_size": train, "error": str(e),
                           "test_is_int": isinstance(test, int)})
    write("train_test_split.json", {"cases": cases, "errors": errors})


def features_fixtures():
    rows_cases = [
        [{"text": "a", "label": 0}, {"text": "b", "label": 1}],
        [{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]}],
        [{"x": 1.5, "b": True, "n": None, "l": [1, 2], "s": {"k": "v", "z": [0.5]}}],
        [{"a": 1}, {"a": 2.5}, {"b": "x"}],
        [{"l": []}, {"l": [[1], []]}],
    ]
    cases = []
    for rows in rows_cases:
        ds = Dataset.from_list(rows)
        cases.append({"rows": rows, "features": str(ds.features), "repr": repr(ds), "to_list": ds.to_list()})
    dd = DatasetDict({"train": Dataset.from_list(rows_cases[0]), "test": Dataset.from_list(rows_cases[0][:1])})
    write("features.json", {"cases": cases, "dataset_dict_repr": repr(dd)})


def json_loading_fixtures():
    files = {
        "int_float_missing.jsonl": '{"a":1}\n{"a":2.5}\n{"b":3}\n',
        "mixed_int_string.jsonl": '{"a":1,"t":"x"}\n{"a":"two","t":"y"}\n',
        "nested_mixed.jsonl": '{"m":{"x":1,"y":"a"}}\n{"m":{"x":"s","y":"b"}}\n',
        "chat.jsonl": '{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"2+2?"},'
                      '{"role":"assistant","content":"4"}]}\n\n{"messages":[{"role":"user","content":"hi"}]}\n',
        "array.json": '[{"text": "x", "label": 1}, {"text": "y\\u00e9", "label": 0, "extra": null}]',
        "strings_array.json": '["alpha", "beta"]',
        "escapes.jsonl": '{"t":"a\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00","n":-12,"f":1e3,"g":-0.5}\n',
        "bom.jsonl": '\ufeff{"a":1}\n{"a":2}\n',
    }
    cases = []
    for name, text in files.items():
        path = os.path.join(TMP, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        ds = load_dataset("json", data_files=path, split="train")
        cases.append({"file": name, "content": text, "features": str(ds.features), "rows": jsonable(ds.to_list())})
    write("json_loading.json", {"cases": cases})


def csv_fixtures():
    files = {
        "basic": 'a,b,c,d\n1,2.5,x,True\n2,3,y,False\n',
        "nulls": 'a,b,c,d\n1,,x,\n,3,,\n',
        "quoted": 'name,quote\n"Smith, J","He said ""hi"""\n"multi\nline",plain\n',
        "mixed": 'a,b\n1,x\ntwo,2\n',
        "bools": 'a,b\ntrue,TRUE\nfalse,False\n',
        "allempty": 'a,b\n,1\n,2\n',
        "na_spellings": 'a,b\nNA,1\nnull,2\nn/a,3\n',
        "spaces": 'a, b\n 1, x \n2,y\n',
        "short_rows": 'a,b,c\n1,2\n3\n',
        "blank_lines": 'a,b\n1,2\n\n3,4\n',
        "crlf": 'a,b\r\n1,x\r\n2,y\r\n',
        "dup_header": 'a,a,b\n1,2,3\n',
    }
    cases = []
    for name, text in files.items():
        path = os.path.join(TMP, name + ".csv")
        with open(path, "w", newline="") as f:
            f.write(text)
        ds = load_dataset("csv", data_files=path, split="train")
        cases.append({"name": name, "content": text, "features": str(ds.features), "columns": jsonable(ds.to_dict())})
    ragged = os.path.join(TMP, "ragged.csv")
    with open(ragged, "w") as f:
        f.write("a,b\n1,2\n3,4,5\n")
    try:
        load_dataset("csv", data_files=ragged, split="train")
        ragged_error = None
    except Exception as e:
        ragged_error = f"{type(e.__cause__).__name__}: {e.__cause__}"
    write("csv.json", {"cases": cases, "ragged": {"content": "a,b\n1,2\n3,4,5\n", "error": ragged_error}})


def slicing_fixtures():
    path = os.path.join(TMP, "train.jsonl")
    with open(path, "w") as f:
        for i in range(37):
            f.write(json.dumps({"i": i}) + "\n")
    tpath = os.path.join(TMP, "test.jsonl")
    with open(tpath, "w") as f:
        for i in range(100, 113):
            f.write(json.dumps({"i": i}) + "\n")
    specs = ["train", "train[:5]", "train[10:20]", "train[-5:]", "train[:-30]", "train[10%:20%]", "train[:50%]",
             "train[-10%:]", "train[33%:67%]", "train[5:1000]", "train[1_0:12]", "train+test", "train[:2]+test[-2:]",
             "test[:50%]", "test[50%:]", "test[:15%]", "train[20:10]", "test[:-1%]"]
    cases = []
    for spec in specs:
        try:
            ds = load_dataset("json", data_files={"train": path, "test": tpath}, split=spec)
            cases.append({"spec": spec, "rows": list(ds["i"][:])})
        except ValueError as e:
            cases.append({"spec": spec, "error": str(e)})
    errors = []
    for spec in ["train[:101%]", "validation", "train[a:b]", "train[:10](closest)"]:
        try:
            load_dataset("json", data_files={"train": path, "test": tpath}, split=spec)
            errors.append({"spec": spec, "error": None})
        except Exception as e:
            errors.append({"spec": spec, "error": f"{type(e).__name__}: {e}"})
    write("split_slicing.json", {"train_rows": 37, "test_first": 100, "test_rows": 13, "cases": cases, "errors": errors})


def to_json_fixtures():
    cases = []
    rows_cases = [
        [{"t": "a/b é ☃ \"q\" \\ \n\t\x01 😀", "f": 0.1 + 0.2, "i": 3, "b": True, "n": None, "l": [1, 2],
          "m": [{"role": "u", "content": "x"}], "g": 1e20, "h": 1.5e-7, "k": 123456789.123456789},
         {"t": None, "f": None, "i": None, "b": None, "n": None, "l": None, "m": [], "g": 2.0, "h": -0.0,
          "k": 1e16}],
        [{"x": v} for v in [1e15, 1.5e16, 1e-10, 4e-11, 0.5, 100.0, -2.5, 123456.7891234567, 0.000123456789012, 3e-5]],
    ]
    for rows in rows_cases:
        ds = Dataset.from_list(rows)
        path = os.path.join(TMP, "out.jsonl")
        ds.to_json(path)
        with open(path, "rb") as f:
            cases.append({"rows": rows, "bytes": f.read().decode("ascii")})
    shuffled = Dataset.from_dict({"a": list(range(6)), "s": ["p", "q", "r", "s", "t", "u"]}).shuffle(seed=3)
    shuffled.to_json(path)
    with open(path, "rb") as f:
        shuffled_bytes = f.read().decode("ascii")
    write("to_json.json", {"cases": cases, "shuffled_seed3": shuffled_bytes})


def text_fixtures():
    cases = []
    for name, text in {"plain": "one\ntwo\n\nfour\n", "crlf": "a\r\nb\r\n", "no_final_newline": "x\ny",
                       "blank_end": "x\n\n", "cr_only": "p\rq\r"}.items():
        path = os.path.join(TMP, name + ".txt")
        with open(path, "w", newline="") as f:
            f.write(text)
        ds = load_dataset("text", data_files=path, split="train")
        cases.append({"name": name, "content": text, "rows": ds["text"][:]})
    options = []
    text = "para one\nline two\n\n\npara two\n\nlast\n"
    path = os.path.join(TMP, "paras.txt")
    with open(path, "w", newline="") as f:
        f.write(text)
    for kw in [{"sample_by": "paragraph"}, {"sample_by": "document"}, {"keep_linebreaks": True}]:
        ds = load_dataset("text", data_files=path, split="train", **kw)
        options.append({"content": text, "options": kw, "rows": list(ds["text"][:])})
    write("text.json", {"cases": [{**c, "rows": list(c["rows"])} for c in cases], "options": options})


def map_fixtures():
    ds = Dataset.from_dict({"text": ["aa", "b", "ccc"], "label": [0, 1, 0]})
    per = ds.map(lambda r: {"n": len(r["text"]), "text": r["text"].upper()})
    rem = ds.map(lambda r: {"prompt": r["text"] + "!"}, remove_columns=["text"])
    bat = ds.map(lambda b: {"x": [t * 2 for t in b["text"]]}, batched=True, batch_size=2)
    grow = ds.map(lambda b: {"w": [c for t in b["text"] for c in t]}, batched=True, batch_size=2,
                  remove_columns=["text", "label"])
    filt = ds.filter(lambda r: r["label"] == 0)
    srt = Dataset.from_dict({"k": [3, None, 1, 3, 2], "s": ["c", "x", "a", "b", "d"]})
    write("map_filter_sort.json", {
        "per_example": per.to_dict(), "per_example_columns": per.column_names,
        "remove_columns": rem.to_dict(), "batched": bat.to_dict(), "batched_grow": grow.to_dict(),
        "filter": filt.to_dict(),
        "sort_k": srt.sort("k").to_dict(), "sort_k_reverse": srt.sort("k", reverse=True).to_dict(),
        "sort_s": srt.sort("s").to_dict(),
    })


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for fn in [shuffle_fixtures, split_fixtures, features_fixtures, json_loading_fixtures, csv_fixtures,
               slicing_fixtures, to_json_fixtures, text_fixtures, map_fixtures]:
        fn()
        print("ok", fn.__name__, file=sys.stderr)
