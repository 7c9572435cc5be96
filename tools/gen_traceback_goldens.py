#!/usr/bin/env python3
"""Regenerate Tests/InterpreterTests/scripts/tracebacks.json: small programs that end in an
uncaught exception, each with the exact stderr CPython 3.11 prints for it (file name shown as
`case.py`) — the traceback frames, quoted lines and caret lines that sftnb must reproduce.

Usage: python3 tools/gen_traceback_goldens.py
"""
import json
import os
import subprocess
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "Tests" / "InterpreterTests" / "scripts" / "tracebacks.json"

CASES = {
    "binop_statement": "1 / 0\n",
    "binop_assigned": "x = 1 / 0\n",
    "subscript_statement": 'd = {}\nd["k"]\n',
    "subscript_in_call": 'd = {}\nprint(d["k"])\n',
    "nested_frames": 'def f(x):\n    return g(x)\n\ndef g(y):\n    return y["a"] + 1\n\nprint("start")\nf({"a": "s"})\n',
    "name_in_call": "print(undefined_name)\n",
    "name_assigned": "x = undefined_name\n",
    "attribute_whole_line": "import math\nmath.nope\n",
    "method_lookup_in_call": "import math\nprint(math.nope(1))\n",
    "index_error": "a = [1]\nb = a[5]\n",
    "spaced_subscript": "a = [1]\nprint( a [ 5 ] , 1)\n",
    "parenthesized_operand": 'x = (1) + "a"\n',
    "tight_operator": 'x = 1 +"a"\n',
    "two_char_operator": "x = 2 // 0\n",
    "builtin_call_whole_line": 'int("abc")\n',
    "builtin_call_assigned": 'y = int("abc")\n',
    "for_not_iterable": "for x in 5:\n    pass\n",
    "unpack_target": "a, b = [1]\n",
    "attribute_on_instance": "class C:\n    pass\nC().missing\n",
    "raise_in_function": 'def g():\n    raise ValueError("boom")\ng()\n',
    "call_inside_list": 'def g():\n    raise ValueError("boom")\nx = [g()]\n',
    "wide_characters": 's = "日本語"; t = s + 1\n',
    "len_whole_line": "len(5)\n",
    "len_in_expression": "x = len(5) + 1\n",
    "subscript_of_call": 'z = {}.get("a")["b"]\n',
    "multiline_call_argument": "print(1,\n      2 / 0)\n",
    "multiline_call_name": "r = foo(\n    1,\n    2)\n",
    "slice_step_zero": "x = [1, 2, 3]\nx[1:2:0]\n",
    "unary_operand": 'x = -"a"\n',
    "comparison": 'x = 1 < "a"\n',
    "chained_subscript": 'x = {"a": 1}\nx["a"]["b"]\n',
    "store_subscript": "x = None\nx[0] = 1\n",
    "store_attribute": "x = None\nx.a = 1\n",
    "augmented_subscript_store": "x = (1, 2)\nx[0] += 1\n",
    "augmented_name": 'x = "a"\nx += 1\n',
    "augmented_subscript_load": 'd = {}\nd["k"] += 1\n',
    "augmented_attribute": "class A: pass\na = A()\na.n += 1\n",
    "call_argument_count": "def f(a):\n    return a\nf(1, 2)\n",
    "for_unpack_target": "for a, b in [[1]]:\n    pass\n",
    "method_attribute": "class A:\n    def m(self):\n        return self.x\nA().m()\n",
    "fstring_expression": 'print(f"{1/0}")\n',
    "nested_subscript": 'd = {"a": [1, 2]}\nv = d["a"][5]\n',
    "not_callable": "x = 5\nx()\n",
    "lambda_frame": "f = lambda: 1/0\nf()\n",
    "assert_test": 'assert 1 == 2, "msg"\n',
    "store_nested_subscript": 'x = {}\nx["a"]["b"] = 1\n',
    "conditional_test": "y = 3 if 1/0 else 4\n",
    "math_domain_whole_line": "import math\nmath.sqrt(-1)\n",
    "missing_method_statement": 's = "x"\ns.missing_method()\n',
    "missing_method_assigned": 's = "x"\nz = s.missing_method()\n',
    "raise_from": 'try:\n    {}["k"]\nexcept KeyError as e:\n    raise RuntimeError("wrapped") from e\n',
    "during_handling": 'try:\n    1 / 0\nexcept ZeroDivisionError:\n    undefined_name\n',
    "method_chain": 'class A:\n    def f(self):\n        return self\nA().f().g()\n',
}


def main():
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8")
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, source in CASES.items():
            path = Path(tmp) / "case.py"
            path.write_text(source, encoding="utf-8")
            proc = subprocess.run(["python3", "case.py"], cwd=tmp, env=env, capture_output=True, timeout=30)
            stderr = proc.stderr.decode("utf-8").replace(f'File "{path}"', 'File "case.py"')
            assert proc.returncode == 1 and "Traceback" in stderr, (name, stderr)
            out.append({"name": name, "source": source, "stdout": proc.stdout.decode("utf-8"), "stderr": stderr})
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(out)} cases to {OUT}")


if __name__ == "__main__":
    main()
