#!/usr/bin/env python3
"""sftnb/prompt-completion: short prompt/completion pairs with exact-match answers.

Families: arithmetic on small numbers, string manipulation of common words (reverse,
uppercase, count a letter, first/last letter, length), and unit conversion (km/m, m/cm,
hours/minutes, minutes/seconds, kg/g, days/hours, weeks/days). One consistent format:
the prompt ends with ` =` and the completion is ` <answer>`, so that a tiny model learns
the format within a minute. Usage: python3 tools/datagen/prompt_completion.py
"""
import random

from common import split_and_write, write_card

SEED = 3003
N = 4000

WORDS = ["cat", "dog", "sun", "moon", "tree", "bird", "fish", "book", "lamp", "door", "rain", "snow", "star",
         "milk", "bread", "apple", "grape", "lemon", "river", "stone", "cloud", "house", "train", "plane",
         "chair", "table", "green", "black", "water", "light", "music", "paper", "smile", "tiger", "zebra",
         "robot", "candy", "pizza", "ocean", "spoon"]
UNITS = [("km", "m", 1000), ("m", "cm", 100), ("hours", "minutes", 60), ("minutes", "seconds", 60),
         ("kg", "g", 1000), ("days", "hours", 24), ("weeks", "days", 7)]


def arithmetic(rng):
    op = rng.choice("+-*")
    if op == "*":
        a, b = rng.randint(0, 12), rng.randint(0, 12)
    else:
        a, b = rng.randint(0, 50), rng.randint(0, 50)
        if op == "-" and b > a:
            a, b = b, a
    value = {"+": a + b, "-": a - b, "*": a * b}[op]
    return f"Compute: {a} {op} {b} =", f" {value}"


def strings(rng):
    w = rng.choice(WORDS)
    kind = rng.randrange(6)
    if kind == 0:
        return f"Reverse the word: {w} =", f" {w[::-1]}"
    if kind == 1:
        return f"Uppercase the word: {w} =", f" {w.upper()}"
    if kind == 2:
        letter = rng.choice(sorted(set(w)) + ["a", "e", "o"])
        return f"Count the letter {letter} in: {w} =", f" {w.count(letter)}"
    if kind == 3:
        return f"First letter of: {w} =", f" {w[0]}"
    if kind == 4:
        return f"Last letter of: {w} =", f" {w[-1]}"
    return f"Length of the word: {w} =", f" {len(w)}"


def units(rng):
    big, small, factor = rng.choice(UNITS)
    if rng.random() < 0.5:
        n = rng.randint(1, 20)
        return f"Convert: {n} {big} to {small} =", f" {n * factor}"
    n = rng.randint(1, 20)
    return f"Convert: {n * factor} {small} to {big} =", f" {n}"


def main():
    rng = random.Random(SEED)
    rows, seen = [], set()
    while len(rows) < N:
        family = rng.random()
        prompt, completion = arithmetic(rng) if family < 0.4 else strings(rng) if family < 0.7 else units(rng)
        if prompt not in seen:
            seen.add(prompt)
            rows.append({"prompt": prompt, "completion": completion})
    out, sizes = split_and_write("prompt-completion", rows, SEED)
    write_card(out, "sftnb/prompt-completion", """
Prompt/completion pairs in TRL's `prompt` / `completion` format, each with one exact
answer, for completion-only fine-tuning of tiny models:

- arithmetic on small numbers: `Compute: 17 + 25 =` → ` 42` (products up to 12 × 12);
- string manipulation of common words: `Reverse the word: lemon =` → ` nomel`,
  `Uppercase the word: ...`, `Count the letter o in: ...`, first/last letter, length;
- unit conversion: `Convert: 3 km to m =` → ` 3000` (km/m, m/cm, hours/minutes,
  minutes/seconds, kg/g, days/hours, weeks/days), both directions.

Every prompt ends with `=` and every completion is a space followed by the answer, so
exact match of the stripped completion measures accuracy. Prompts are unique.
Fields: `prompt` (string), `completion` (string).
""", sizes, "python3 tools/datagen/prompt_completion.py")
    print(out, sizes)


if __name__ == "__main__":
    main()
