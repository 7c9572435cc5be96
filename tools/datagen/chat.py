#!/usr/bin/env python3
"""sftnb/chat: short multi-turn conversations in the `messages` format (system, user,
assistant), about topics whose answers can be checked: arithmetic, facts stated earlier
in the same conversation (names, colors, numbers), unit conversions and spelling.
Each conversation has 1 to 3 user turns. Usage: python3 tools/datagen/chat.py
"""
import random

from common import split_and_write, write_card

SEED = 4004
N = 1000

SYSTEMS = ["You are a helpful assistant.", "You are a concise assistant. Answer briefly.",
           "You are a friendly tutor.", "Answer with short, exact answers."]
PETS = ["cat", "dog", "parrot", "rabbit", "hamster", "turtle", "goldfish"]
PET_NAMES = ["Miso", "Pixel", "Biscuit", "Luna", "Tofu", "Pepper", "Olive", "Ziggy", "Mango", "Nori", "Basil", "Juno"]
THINGS = ["car", "bike", "door", "kite", "umbrella", "scarf", "mug", "backpack"]
COLORS = ["red", "blue", "green", "yellow", "purple", "orange", "black", "white"]
PEOPLE = ["Ada", "Ben", "Chen", "Dana", "Eli", "Fay", "Gus", "Hugo", "Iris", "Jai"]
WORDS = ["apple", "river", "stone", "cloud", "tiger", "piano", "lemon", "robot", "maple", "ocean", "candle", "garden"]
UNITS = [("km", "m", 1000), ("m", "cm", 100), ("hours", "minutes", 60), ("minutes", "seconds", 60), ("kg", "g", 1000)]


def arithmetic(rng):
    a, b = rng.randint(1, 30), rng.randint(1, 30)
    op = rng.choice(["+", "-", "*"])
    if op == "*":
        a, b = rng.randint(1, 12), rng.randint(1, 12)
    q = rng.choice([f"What is {a} {op} {b}?", f"Compute {a} {op} {b}.", f"How much is {a} {op} {b}?"])
    return [(q, f"{a} {op} {b} = {eval(f'{a} {op} {b}')}.")]


def fact_recall(rng):
    kind = rng.randrange(3)
    if kind == 0:
        pet, name = rng.choice(PETS), rng.choice(PET_NAMES)
        return [(f"My {pet} is called {name}.", f"{name} is a lovely name for a {pet}."),
                (f"What is my {pet} called?", f"Your {pet} is called {name}.")]
    if kind == 1:
        thing, color = rng.choice(THINGS), rng.choice(COLORS)
        return [(f"I just painted my {thing} {color}.", f"A {color} {thing}, nice!"),
                (f"What color is my {thing}?", f"Your {thing} is {color}.")]
    person, n = rng.choice(PEOPLE), rng.randint(2, 19)
    return [(f"{person} has {n} books.", f"Noted: {person} has {n} books."),
            (f"{person} buys 2 more books. How many books does {person} have now?",
             f"{person} has {n + 2} books now.")]


def conversion(rng):
    big, small, factor = rng.choice(UNITS)
    n = rng.randint(1, 15)
    if rng.random() < 0.5:
        return [(f"How many {small} are in {n} {big}?", f"{n} {big} is {n * factor} {small}.")]
    return [(f"Convert {n * factor} {small} to {big}.", f"{n * factor} {small} is {n} {big}.")]


def spelling(rng):
    w = rng.choice(WORDS)
    kind = rng.randrange(3)
    if kind == 0:
        return [(f"Spell the word {w} backwards.", f"{w} backwards is {w[::-1]}.")]
    if kind == 1:
        return [(f"Spell {w} letter by letter.", "-".join(w))]
    return [(f"How many letters are in the word {w}?", f"The word {w} has {len(w)} letters.")]


TOPICS = [arithmetic, fact_recall, conversion, spelling]


def conversation(rng):
    messages = [{"role": "system", "content": rng.choice(SYSTEMS)}] if rng.random() < 0.7 else []
    turns = rng.choice(TOPICS)(rng)
    while rng.random() < 0.55:
        more = rng.choice(TOPICS)(rng)
        if len(turns) + len(more) > 3:
            break
        turns += more
    for q, a in turns:
        messages += [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
    return {"messages": messages}


def main():
    rng = random.Random(SEED)
    rows, seen = [], set()
    while len(rows) < N:
        r = conversation(rng)
        key = tuple(m["content"] for m in r["messages"])
        if key not in seen:
            seen.add(key)
            rows.append(r)
    out, sizes = split_and_write("chat", rows, SEED)
    write_card(out, "sftnb/chat", """
Short conversations in the chat `messages` format: a list of `{"role", "content"}`
with an optional `system` message, then 1 to 3 `user` turns each answered by the
`assistant`. Topics have exact answers: arithmetic (`What is 7 * 8?` → `7 * 8 = 56.`),
facts stated earlier in the same conversation (`My cat is called Miso.` … `What is my
cat called?` → `Your cat is called Miso.`), unit conversions and spelling. Exact match
of the last assistant message measures accuracy.

Fields: `messages` (list of {`role`: string, `content`: string}).
""", sizes, "python3 tools/datagen/chat.py")
    print(out, sizes)


if __name__ == "__main__":
    main()
