#!/usr/bin/env python3
"""sftnb/code-instructions: small programming tasks with checkable answers (a stand-in
for CodeAlpaca-20k, in its `instruction` / `input` / `output` format).

Task families (each with several phrasings and random operands): write a small Python
function (the body is generated from an operation table, so the answer can be run and
tested); evaluate a Python expression (answers computed with Python itself); transform a
given string or list (answers computed). Usage: python3 tools/datagen/code_instructions.py
"""
import random

from common import split_and_write, write_card

SEED = 2002
N = 3000

WORDS = ["apple", "river", "stone", "cloud", "tiger", "piano", "lemon", "robot", "maple", "ocean", "pixel", "candle",
         "forest", "silver", "garden", "rocket", "window", "bridge", "planet", "button", "coffee", "dragon", "hello",
         "world", "python", "swift", "data", "model", "token", "query"]

# (description, function-name stems, parameter names, body builder)
FUNCTIONS = [
    ("returns the sum of a list of numbers", ["sum_list", "total", "add_all"], ["nums", "values", "numbers"],
     lambda p: f"    total = 0\n    for x in {p}:\n        total += x\n    return total"),
    ("returns the largest number in a list", ["largest", "max_value", "find_max"], ["nums", "values", "items"],
     lambda p: f"    best = {p}[0]\n    for x in {p}:\n        if x > best:\n            best = x\n    return best"),
    ("returns the smallest number in a list", ["smallest", "min_value", "find_min"], ["nums", "values", "items"],
     lambda p: f"    best = {p}[0]\n    for x in {p}:\n        if x < best:\n            best = x\n    return best"),
    ("returns the average of a list of numbers", ["average", "mean", "avg"], ["nums", "values", "scores"],
     lambda p: f"    return sum({p}) / len({p})"),
    ("counts the even numbers in a list", ["count_even", "num_even", "evens"], ["nums", "values", "items"],
     lambda p: f"    return sum(1 for x in {p} if x % 2 == 0)"),
    ("reverses a string", ["reverse", "reverse_string", "flip"], ["s", "text", "word"],
     lambda p: f"    return {p}[::-1]"),
    ("checks whether a string is a palindrome", ["is_palindrome", "palindrome", "reads_same"], ["s", "text", "word"],
     lambda p: f"    return {p} == {p}[::-1]"),
    ("counts the vowels in a string", ["count_vowels", "vowels", "num_vowels"], ["s", "text", "word"],
     lambda p: f"    return sum(1 for c in {p}.lower() if c in 'aeiou')"),
    ("checks whether a number is even", ["is_even", "even", "check_even"], ["n", "x", "number"],
     lambda p: f"    return {p} % 2 == 0"),
    ("checks whether a number is prime", ["is_prime", "prime", "check_prime"], ["n", "x", "number"],
     lambda p: f"    if {p} < 2:\n        return False\n    for d in range(2, int({p} ** 0.5) + 1):\n"
               f"        if {p} % d == 0:\n            return False\n    return True"),
    ("returns the factorial of n", ["factorial", "fact", "product_to"], ["n", "k", "number"],
     lambda p: f"    result = 1\n    for i in range(2, {p} + 1):\n        result *= i\n    return result"),
    ("returns the n-th Fibonacci number", ["fib", "fibonacci", "nth_fib"], ["n", "k", "index"],
     lambda p: f"    a, b = 0, 1\n    for _ in range({p}):\n        a, b = b, a + b\n    return a"),
    ("removes duplicates from a list, keeping the first occurrence", ["dedupe", "unique", "remove_duplicates"],
     ["items", "values", "xs"],
     lambda p: f"    seen = []\n    for x in {p}:\n        if x not in seen:\n            seen.append(x)\n    return seen"),
    ("returns the squares of the numbers in a list", ["squares", "square_all", "squared"], ["nums", "values", "xs"],
     lambda p: f"    return [x * x for x in {p}]"),
    ("counts the words in a sentence", ["count_words", "word_count", "num_words"], ["sentence", "text", "s"],
     lambda p: f"    return len({p}.split())"),
    ("converts a temperature from Celsius to Fahrenheit", ["c_to_f", "to_fahrenheit", "celsius_to_fahrenheit"],
     ["c", "celsius", "temp"], lambda p: f"    return {p} * 9 / 5 + 32"),
]
FUNC_PHRASES = ["Write a Python function that {d}.", "Create a Python function `{name}` that {d}.",
                "Implement `{name}` in Python: it {d}.", "Write a function in Python which {d}."]

STRING_TASKS = [
    ("Reverse the given string.", lambda s: s[::-1]),
    ("Convert the given string to uppercase.", lambda s: s.upper()),
    ("Remove all vowels from the given string.", lambda s: "".join(c for c in s if c not in "aeiou")),
    ("Count the letters in the given string.", lambda s: str(len(s))),
    ("Capitalize the first letter of the given string.", lambda s: s.capitalize()),
    ("Return the first three characters of the given string.", lambda s: s[:3]),
    ("Return the last letter of the given string.", lambda s: s[-1]),
    ("Double every character of the given string.", lambda s: "".join(c * 2 for c in s)),
    ("Count how many times the letter 'o' appears in the given string.", lambda s: str(s.count("o"))),
]
LIST_TASKS = [
    ("Sort the given list in ascending order.", lambda xs: str(sorted(xs))),
    ("Sort the given list in descending order.", lambda xs: str(sorted(xs, reverse=True))),
    ("Find the largest number in the given list.", lambda xs: str(max(xs))),
    ("Find the sum of the given list.", lambda xs: str(sum(xs))),
    ("Return the length of the given list.", lambda xs: str(len(xs))),
    ("Reverse the given list.", lambda xs: str(xs[::-1])),
    ("Keep only the even numbers of the given list.", lambda xs: str([x for x in xs if x % 2 == 0])),
]
EXPR_PHRASES = ["What does this Python expression evaluate to?", "Evaluate the following Python expression.",
                "What is the value of this expression in Python?"]


def expression(rng):
    form = rng.randrange(8)
    a, b, c = rng.randint(1, 20), rng.randint(1, 9), rng.randint(1, 9)
    w = rng.choice(WORDS)
    if form == 0:
        return f"{a} + {b} * {c}"
    if form == 1:
        return f"({a} + {b}) * {c}"
    if form == 2:
        return f"{a} // {b}"
    if form == 3:
        return f"{a} % {b}"
    if form == 4:
        return f"len('{w}')"
    if form == 5:
        return f"'{w}'[{rng.randrange(len(w))}]"
    if form == 6:
        return f"'{w[:3]}' * {rng.randint(2, 3)}"
    xs = rng.sample(range(1, 30), rng.randint(3, 5))
    return rng.choice([f"sorted({xs})", f"max({xs})", f"sum({xs})", f"{xs}[-1]"])


def row(rng):
    kind = rng.random()
    if kind < 0.35:
        d, names, params, body = rng.choice(FUNCTIONS)
        name, param = rng.choice(names), rng.choice(params)
        instr = rng.choice(FUNC_PHRASES).format(d=d, name=name)
        return {"instruction": instr, "input": "", "output": f"def {name}({param}):\n{body(param)}"}
    if kind < 0.6:
        e = expression(rng)
        return {"instruction": rng.choice(EXPR_PHRASES), "input": e, "output": repr(eval(e))}
    if kind < 0.8:
        task, fn = rng.choice(STRING_TASKS)
        w = rng.choice(WORDS)
        return {"instruction": task, "input": w, "output": fn(w)}
    task, fn = rng.choice(LIST_TASKS)
    xs = [rng.randint(0, 50) for _ in range(rng.randint(3, 6))]
    return {"instruction": task, "input": str(xs), "output": fn(xs)}


def check(r):
    """Functions must compile; the checks keep the generator honest."""
    if r["output"].startswith("def "):
        compile(r["output"], "<generated>", "exec")


def main():
    rng = random.Random(SEED)
    rows, seen = [], set()
    while len(rows) < N:
        r = row(rng)
        check(r)
        key = (r["instruction"], r["input"], r["output"])
        if key not in seen:
            seen.add(key)
            rows.append(r)
    out, sizes = split_and_write("code-instructions", rows, SEED)
    write_card(out, "sftnb/code-instructions", """
Small programming tasks whose answers can be checked, in the `instruction` / `input` /
`output` format of CodeAlpaca-20k (a stand-in for it, not a copy):

- *write a function*: "Write a Python function that returns the sum of a list of numbers."
  → a short Python function (16 operations, several names and phrasings each; every
  answer compiles and is correct);
- *evaluate an expression*: input `3 + 4 * 2` → output `11` (computed with Python);
- *transform a string or a list*: input `maple` → output `elpam`; input `[4, 1, 3]` →
  output `[1, 3, 4]` (computed).

Fields: `instruction` (string), `input` (string, empty for function tasks), `output` (string).
Exact-match accuracy on `output` measures learning on the expression and transformation tasks.
""", sizes, "python3 tools/datagen/code_instructions.py")
    print(out, sizes)


if __name__ == "__main__":
    main()
