#!/usr/bin/env python3
"""Golden fixtures for sftnb's notebook files and JSON writer, from nbformat and json.

Run with a Python that has nbformat:  /path/to/venv/bin/python tools/gen_notebook_fixtures.py
Writes Tests/ScriptTests/Fixtures/notebooks/*.ipynb (as nbformat.write lays them out) and
Tests/EngineTests/Fixtures/json/dumps.json (json.dumps of values under several options).
"""
import json
import os

import nbformat

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NB_DIR = os.path.join(ROOT, "Tests/ScriptTests/Fixtures/notebooks")
JSON_DIR = os.path.join(ROOT, "Tests/EngineTests/Fixtures/json")


def sftnb_notebook(cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "sftnb", "display_name": "sftnb", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = cells
    for i, cell in enumerate(nb.cells):
        cell.id = f"{i:08x}"
    return nb


def notebooks():
    v4 = nbformat.v4
    code = v4.new_code_cell("from datasets import load_dataset\nds = load_dataset('json', data_files='x.jsonl')\nds\n")
    code.execution_count = 1
    code.outputs = [
        v4.new_output("stream", name="stdout", text="読み込み 100%\r\nloaded 3 rows\n"),
        v4.new_output("stream", name="stderr", text="warning: tail without newline"),
        v4.new_output("execute_result", execution_count=1,
                      data={"text/plain": "Dataset({\n    features: ['text'],\n    num_rows: 3\n})"}),
    ]
    plot = v4.new_code_cell("plt.plot([1, 2, 3])\nplt.show()")
    plot.execution_count = 2
    plot.metadata["tags"] = ["nbval-ignore-output"]
    plot.outputs = [v4.new_output("display_data", data={"image/svg+xml": "<svg>\n<path d='M0 0'/>\n</svg>\n",
                                                        "image/png": "iVBORw0KGgo=", "text/plain": "<Figure size 640x480 with 1 Axes>"},
                                  metadata={"needs_background": "light"})]
    err = v4.new_code_cell("1 / 0")
    err.execution_count = 3
    err.outputs = [v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero",
                                 traceback=["Traceback (most recent call last):", "ZeroDivisionError: division by zero"])]
    unrun = v4.new_code_cell("")
    md = v4.new_markdown_cell("# クイックスタート\n\nTrain *tiny-gpt2* on `sftnb/movie-reviews`.\n\u2028odd separator\x0bvt")
    raw = v4.new_raw_cell("raw text\n")
    yield "tutorial", sftnb_notebook([md, code, plot, err, unrun, raw])
    yield "empty", sftnb_notebook([])
    params = v4.new_code_cell("learning_rate = 2e-5\nmax_steps = 10")
    params.metadata["tags"] = ["parameters"]
    yield "parameters", sftnb_notebook([params, v4.new_code_cell("print(learning_rate)")])


def json_cases():
    values = [
        None, True, False, 0, -7, 2**62, 0.1, 1e16, 1e-5, 123.0, -0.0, 1.5e300, 5e-324, float("inf"),
        "plain", "quote \" backslash \\ slash / tab \t newline \n cr \r bell \x07 del \x7f",
        "日本語 émoji 🤗 \u2028", [], {}, [1, [2, [3, {}]]],
        {"b": 1, "a": [1.25, "x", None], "日本": {"z": [], "y": {}}},
        {"messages": [{"role": "user", "content": "Hi!\n"}, {"role": "assistant", "content": "Hello 👋"}]},
    ]
    options = [
        {},
        {"indent": 2},
        {"indent": 1, "sort_keys": True, "ensure_ascii": False},
        {"sort_keys": True},
        {"ensure_ascii": False},
        {"indent": 4, "ensure_ascii": False},
    ]
    cases = []
    for value in values:
        for opt in options:
            cases.append({"value": value, "options": opt, "expected": json.dumps(value, **opt)})
    return cases


def main():
    os.makedirs(NB_DIR, exist_ok=True)
    os.makedirs(JSON_DIR, exist_ok=True)
    for name, nb in notebooks():
        nbformat.validate(nb)
        with open(os.path.join(NB_DIR, name + ".ipynb"), "w", encoding="utf-8") as f:
            nbformat.write(nb, f)
    with open(os.path.join(JSON_DIR, "dumps.json"), "w", encoding="utf-8") as f:
        json.dump(json_cases(), f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
