#!/usr/bin/env python3
"""Writes Tests/InterpreterTests/scripts/syntax_errors.json: for each snippet, the
SyntaxError CPython 3.11 raises (class, message, line, 1-based column), so the Swift
parser's tests can hold its errors to CPython's wording and location without Python.

Run: python3 tools/gen_syntax_error_cases.py   (needs CPython 3.11)
Cases marked `column=False` check kind, message and line only: CPython 3.11 locates
errors inside f-string expressions at an offset into a re-parsed copy of the expression.
"""
import json, os, sys

CASES = [
    # brackets
    "x = (1,", "x = [1,\n 2", "foo(", "(((", "x = )", "x = (1]", "x = (1,\n 2]", "x = {1: 2)",
    "x = (\n1 2)", "foo(a b", "foo(\na b", "x = (1,\n\ny = 2",
    # generic / comma
    "a b", "(a b)", "[1 2]", "f(a b)", "x = $", "x = 1 +", "x = 1 +\n", "def f(:", "x = !a",
    "print 'hi'", "import", "from x import", "from . import (a, b", "x.1", "1 +* 2",
    # colons and blocks
    "if x\n  pass", "while x\n  pass", "for x in y\n  pass", "def f()\n  pass", "class A\n  pass",
    "try\n  pass", "with a\n  pass", "else:\n  pass",
    "def f():", "def f():\n", "def f():\nx", "def f():\n\n", "def f():\n  # c\n", "class A:",
    "while x:", "for x in y:", "try:", "with a:", "if x:\n  pass\nelse:", "if x:\n  pass\nelif y:",
    "if x:", "if x:\n  pass\nelse:\npass", "try:\n  pass\n", "try:\n  pass\nexcept:",
    "try:\n  pass\nfinally:", "try:\n  pass\nx = 1",
    # indentation
    "x = 1\n  y = 2", "x = 1\n    y = 2", "if x:\n    a\n  b", "if x:\n    a\n  bcd = 1\n",
    "if x:\n\tpass\n        pass", "if x:\n        pass\n\tpass", " x = 1",
    # strings
    "'abc", "'''abc", "a = 'b\n'", "\"\"\"abc\n", "\"\"\"abc\n\n", "f'abc", "x = 1\ny = '''\n\n",
    "b'\\xZZ'", "'\\xZZ'", "b'\u00e9'", "'a' b'b'", "b'a' 'b'", "'\\N{NOT A NAME}'",
    # numbers
    "1_", "0x", "1abc", "09", "1e", "0b12", "0o8", "0x_", "1__0", "1.5e+", "0_7", "1.2.3",
    "x = 1j", "x = 1.5J",
    # f-strings
    "f'{x!z}'", "f'{}'", "f'{x'", "f'}'", "f'{x}}'", "f'{'", "f'{x!}'", "f'{x:{y:{z}}}'",
    "f'{a b}'", "f'{#}'", "f'{x:'", "f'{)}'", "f'{(]}'",
    # targets
    "f() = 1", "1 = x", "a + 1 = 2", "(a + b) = 1", "a < b = 1", "[f()] = 1", "True = 1", "None = 1",
    "f() = x = 1", "x = f() = 1", "del f()", "del *a", "del 1", "x = *a", "*a = 1", "a, *b, *c = d",
    "f() += 1", "(a, b) += 1", "[a] += 1", "a, b += 1", "a, b: int", "f(): int = 1",
    "for f() in y: pass", "for 1 in y: pass", "with a as f(): pass", "[x for 1 in y]",
    "(yield) = 1", "lambda: 1 = 1", "x if y else z = 1", "a and b = 1", "not a = 1",
    "{a: b} = 1", "{a} = 1", "... = 1", "f'{x}' = 1", "-a = 1", "a := 1", "(a.b := 1)",
    "(1 := 2)", "x = (y := 1 = 2)", "if x = 1: pass", "[i for i in range(3)] = 1",
    # calls
    "f(a=1, b)", "f(a=1, a=2)", "f(**a, *b)", "f(**a, b)", "f(x for x in y, 1)", "f(a.b=1)",
    "f(1=2)", "f(*)", "f(**)", "f(a, *, b)", "class A(x for x in y): pass", "f(a=)",
    # defs
    "def f(a=1, b): pass", "def f(a, a): pass", "def f(*, **k): pass", "def f(*): pass",
    "def f(**k, a): pass", "def f(a, /, /): pass", "def f(/, a): pass", "def f(*a, *b): pass",
    "lambda a=1, b: 0", "def f(a, *, b=1, c, **d,): pass", "def f(**k=1): pass",
    "def f(*a=1): pass", "def f(a, *b, c, /): pass", "def f(a): return\nreturn 1",
    # keywords and context
    "return 1", "break", "continue", "yield 1", "x = yield", "nonlocal x", "await x",
    "async def f(): pass", "match x:\n  case 1: pass", "class A:\n  return 1",
    "def f():\n  class A:\n    yield 1", "while x:\n  def f():\n    break",
    "for x in y:\n  pass\nelse:\n  break", "def f():\n  nonlocal x", "def f():\n  x = 1\n  global x",
    "[(yield) for x in y]", "def f():\n  x = [(yield) for y in z]",
    "try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass", "try:\n  pass\nexcept E, F:\n  pass",
    "def f[T](x): pass", "type X = int", "x = 1 if y", "x = lambda: yield", "import a.b as",
    "from __future__ import braces", "global x, ", "del x,", "a.b.c = ", "assert", "raise x from",
    "with (a as b, c as d): pass\nx = ", "print(f'{x=!}')", "x = [1, 2, 3", "x = {'a': 1, 'b'}",
    "x = {'a': 1, **}", "x = {**a: 1}", "x = [*a for a in b]", "x = {**a for a in b}",
    "x = (a for a in b) = 1", "def f(): x = yield = 1", "x = (1, 2)[", "x.", "@dec\nx = 1",
    "@dec", "class A(metaclass=M, B): pass", "f(a for a in b for)", "x = a if b else",
    "elif x: pass", "except: pass", "finally: pass", "x = 0 0", "if x:\npass",
    "def f(x):\n  return x\n   y = 1", "  \n x = 1", "x = 1;;", "x = 1;\n", "import a as b.c",
    "from a import b as c.d", "from a import *, b", "def f():\n  from a import *",
    "x = 'a' 'b' 1", "a = 1 = 2", "for x in range(3):\n  pass\nelse\n  pass",
    "class A:\n  def f(self)\n    pass", "x = (", "x = [", "x = {", "f(1,", "if (x:\n  pass",
    "d = {1:2, 3}", "s = {1, 2: 3}", "x = [1, 2 3]", "x = 1 2", "x = a.b c",
]

# Checks CPython makes after parsing (symbol table, compiler), and constructs that must parse.
CASES += [
    "x = 1\nfrom __future__ import annotations", "from __future__ import nope",
    '"""doc"""\nfrom __future__ import annotations\nx = 1', "def f(a):\n  global a", "def f():\n  nonlocal x\n  x = 1",
    "def f():\n  x = 1\n  def g():\n    nonlocal x\n  return g", "class A:\n  nonlocal x",
    "def f():\n  class A:\n    nonlocal x\n  x = 1", "def f():\n  def g():\n    def h():\n      nonlocal x\n  x = 2",
    "x = {1: }", "f(**a, *b, c)", "x = [1, 2, 3,,]", "def f(a, b=1, *, c): pass",
    "x = 1 +\\\n2", "x = [\n1,\n2\n]\ny = (x\n  for x in y)", "if x:\n  pass\n\n\n  \n# c\nelse:\n  pass",
    "x = 'a\\\nb'", "x = \"\"\"a\nb\"\"\"", "x = f\"\"\"{\na\n}\"\"\"", "x = f'{x:{y}}'", "x = f'{x!r:^10}'",
    "x = f'{{}}'", "x = f'{x=}'", "x = f'{x = !s:>5}'", "x = 0xFF_FF + 0o17 + 0b1 + 1_0.0_1e1_0",
    "x = 1if y else 2", "x = [0x1for x in y]", "print(end='')", "x = a[b:=1]", "x = a[(b:=1)]",
    "def f(*, a): pass", "def f(a, /): pass", "lambda *a, **k: 0", "lambda: (yield)",
    "async = 1", "x = not", "x = a not b", "x = a is", "x = (yield)", "del (a, b), [c]", "del (a)",
    "for x, in y: pass", "for *x, y in z: pass", "x: int", "(x): int = 1", "[x]: int",
    "with a as (b, c): pass", "with a as [b]: pass", "with (a, b): pass", "with (a, b) as c: pass",
    "import a.b.c as d, e", "from .... import x", "from .a import (b)", "from a import (b,)",
    "try:\n  pass\nexcept* E:\n  pass", "class A: x = 1; y = 2", "if x: y = 1; z = 2",
    "@a.b(c)\n@d\nclass A: pass", "x = ...", "x = a if b else lambda: c", "x = [i for i in 1, 2]",
    "f(*a for a in b)", "f(a=1 for a in b)", "x = [1][0](2).a", "x = -(-(-x))", "x = ~~~~x",
    "x = 2 ** -2 ** 2", "x = a @ b", "x @= y", "x //= 2", "x **= 2", "x >>= 1", "x <<= 1",
    "x = \u00e9t\u00e9 = 1", "\u00e9 = 1", "x = \u20ac", "x\u00a0= 1", "x = 1 \\ 2",
]

# Block colons: "expected ':'" is forced after def/else/try/finally, otherwise only at a line end.
CASES += [
    "for x in y z: pass", "while x y: pass", "if x y: pass", "if x: pass\nelif x y: pass", "if x: pass\nelse x: pass",
    "with a b: pass", "def f() x: pass", "class A x: pass", "try x: pass", "try: pass\nexcept E x: pass",
    "try: pass\nfinally x: pass", "try: pass\nexcept E\n pass", "lambda x y: 1", "if x =: pass",
    "foo(a b\n", "(fo(fStzin o(fStzin S\n", "x = (a b\n", "[\\", "  y = ]", "x = 1\n  y = 'abc", "del a < b",
    "x = -a + b = =", "x @ y: z\n", "a, b: \n", "x = 0o7a", "x = 3Ja", "f'{a\x1e}'",
]

# Realistic slips (from mutating real library code), where CPython's choice of message is subtle.
CASES += [
    'register(name="lokr" config_cls=LoKrConfig, model_cls=LoKrModel)',
    'def f(\n    self,\n    adapter_name: str\n    config: LoraConfig,\n):\n    pass',
    'def f(r: int = 0, lora_alpha: int  1, **kwargs): pass',
    'sys.modules[__name__ = _LazyModule(__name__, __file__)\nx = 1',
    'def f(a: int = 1,\n      device Optional[str] = None): pass',
    'register(name="miss", config_cls(=MissConfig, model_cls=MissModel)',
    'register(name="ln", config_cls=LNConfig, model_cls,=LNModel)',
    'super().__init__(name="env", help_text"Print the environment")',
    'x = {"a": 1 "b": 2}', 'print("a" "b" c)', 'if x == 1\n    y = 2', 'for i in range(10)\n    pass',
    'while True print(1)', 'x = [1, 2, 3', 'def f(x):\nreturn x', 'class A:\n def f(self):\n  pass\n  return',
    "d = dict(a=1, b=2", "s = 'it''s'", "s = 'abc\ndef'", 'print(f"{x!}")', "x = (1, 2\ny = 3",
]

# Valid (or 3.12) Python that sftnb reports as not implemented instead: kind, line, column.
NOT_IMPLEMENTED = {
    "x = 1j": (1, 5), "x = 1.5J": (1, 5), "async def f(): pass": (1, 1), "match x:\n  case 1: pass": (1, 1),
    "await x": (1, 1), "try:\n  pass\nexcept* E:\n  pass": (3, 7), "'\\N{NOT A NAME}'": (1, 17), "def f[T](x): pass": (1, 6), "type X = int": (1, 1),
}

def run(src):
    if src in NOT_IMPLEMENTED:
        line, column = NOT_IMPLEMENTED[src]
        return {"kind": "NotImplementedError", "message": "sftnb does not support", "line": line, "column": column,
                "messagePrefixOnly": True}
    try:
        compile(src, "x.py", "exec")
        return None
    except SyntaxError as e:
        return {"kind": type(e).__name__, "message": e.msg, "line": e.lineno, "column": e.offset}

def main():
    out = []
    for src in CASES:
        r = run(src)
        if r is None:
            r = {"kind": "OK"}
        r["source"] = src
        r["checkColumn"] = r.get("column", 1) != 0 and not (src.lstrip().startswith(("f'", "print(f")) or src.startswith("b'\\x")
                                or src.startswith("'\\x") or "f'{" in src)
        out.append(r)
    if "--print" in sys.argv:
        for r in out:
            print(repr(r["source"]), "->", r.get("kind"), repr(r.get("message")), r.get("line"), r.get("column"))
        return
    path = os.path.join(os.path.dirname(__file__), "..", "Tests", "InterpreterTests", "scripts", "syntax_errors.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(out)} cases to {os.path.normpath(path)}")

if __name__ == "__main__":
    main()
