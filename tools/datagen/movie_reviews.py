#!/usr/bin/env python3
"""sftnb/movie-reviews: short reviews of imaginary films with a 0/1 sentiment label (like imdb).

Reviews are built from a grammar: made-up titles, directors, genres and plot elements,
aspects of the film judged with positive or negative opinions of varying strength, and
optional contrastive sentences (a mixed remark that does not flip the overall verdict).
Usage: python3 tools/datagen/movie_reviews.py
"""
import random

from common import dedupe, split_and_write, write_card

SEED = 1001
N = 3000

TITLE_ADJ = ["Silent", "Crimson", "Last", "Hollow", "Broken", "Golden", "Midnight", "Frozen", "Distant", "Wild",
             "Paper", "Iron", "Velvet", "Burning", "Quiet", "Forgotten", "Electric", "Little", "Endless", "Salt"]
TITLE_NOUN = ["Harbor", "Orchard", "Signal", "Lantern", "River", "Garden", "Engine", "Mirror", "Kingdom", "Summer",
              "Station", "Compass", "Violin", "Desert", "Archive", "Tide", "Letter", "Mountain", "Circus", "Bridge"]
TITLE_PLACE = ["Marrowfield", "Kestrel Bay", "Old Vantor", "Dunmere", "Saltwick", "the Eastern Line", "Quillon",
               "Brackenridge", "Port Ambry", "the Lower Vale"]
FIRST = ["Ana", "Tomas", "Leila", "Oskar", "Mira", "Jonah", "Ines", "Caspar", "Noor", "Felix", "Priya", "Emil",
         "Sofia", "Ravi", "Hana", "Milo", "Greta", "Yusuf", "Clara", "Dario"]
LAST = ["Varga", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Brandt", "Castell", "Novak", "Ferreira", "Holm",
        "Adeyemi", "Rossi", "Kowal", "Ibarra", "Sato", "Webb", "Duval", "Marsh", "Quint", "Olsen"]
GENRES = ["thriller", "comedy", "drama", "western", "science-fiction film", "musical", "horror film", "romance",
          "mystery", "heist film", "war drama", "family adventure", "road movie", "courtroom drama"]
PLOTS = ["a lighthouse keeper who finds a stranger on the rocks", "two sisters running a failing bakery",
         "a detective chasing a forger across three cities", "a crew stranded on a frozen moon",
         "a retired boxer training his granddaughter", "a village that stops aging overnight",
         "a pianist who loses her hearing before a concert", "a heist at a museum of clocks",
         "a robot that wants to become a gardener", "a family road trip to scatter a grandfather's ashes",
         "a journalist uncovering a mining scandal", "rival chefs forced to share a kitchen",
         "a soldier walking home after the war", "a haunted hotel with one last guest",
         "a teenager who can hear other people's thoughts", "a ferry captain and a missing cargo"]
ASPECTS = ["the acting", "the script", "the score", "the pacing", "the cinematography", "the dialogue",
           "the ending", "the lead performance", "the editing", "the special effects", "the humor",
           "the supporting cast", "the costumes", "the direction"]
POS_ADJ = ["wonderful", "superb", "brilliant", "moving", "gripping", "charming", "beautiful", "excellent",
           "delightful", "powerful", "clever", "stunning", "warm", "sharp"]
NEG_ADJ = ["dull", "clumsy", "tedious", "flat", "messy", "boring", "lifeless", "awkward", "predictable",
           "weak", "confusing", "forgettable", "shallow", "grating"]
INTENS = ["", "", "really ", "truly ", "very ", "quite ", "absolutely ", "simply "]
POS_VERDICT = ["I loved it.", "Highly recommended.", "A real treat.", "I would watch it again tomorrow.",
               "One of the best films this year.", "Go and see it.", "It left me smiling.",
               "Worth every minute.", "A small masterpiece."]
NEG_VERDICT = ["I hated it.", "Skip this one.", "A waste of two hours.", "I nearly walked out.",
               "One of the worst films this year.", "Avoid it.", "It left me cold.",
               "Not worth the ticket.", "A real disappointment."]
POS_SCORE = ["9/10.", "8/10.", "Five stars.", "Four stars.", "10/10."]
NEG_SCORE = ["2/10.", "3/10.", "One star.", "Two stars.", "1/10."]


PLURAL = {"the special effects", "the costumes"}


def be(aspect):
    return "are" if aspect in PLURAL else "is"


def title(rng):
    form = rng.randrange(5)
    a, n = rng.choice(TITLE_ADJ), rng.choice(TITLE_NOUN)
    if form == 0:
        return f"The {a} {n}"
    if form == 1:
        return f"{a} {n}"
    if form == 2:
        return f"The {n} of {rng.choice(TITLE_PLACE)}"
    if form == 3:
        return f"{n}s"
    return f"{a} {n}: Part {rng.choice(['II', 'III', 'Two'])}"


def opinion(rng, positive):
    aspect = rng.choice(ASPECTS)
    adj = rng.choice(POS_ADJ if positive else NEG_ADJ)
    inten = rng.choice(INTENS)
    form = rng.randrange(4)
    if form == 0:
        return f"{aspect.capitalize()} {be(aspect)} {inten}{adj}."
    if form == 1:
        return f"I found {aspect} {inten}{adj}."
    if form == 2:
        return f"{aspect.capitalize()} felt {inten}{adj} from start to finish."
    return f"What a {adj} film: {aspect} {('shine' if aspect in PLURAL else 'shines') if positive else ('drag it down' if aspect in PLURAL else 'drags it down')}."


def contrast(rng, positive):
    """A mixed remark whose second half agrees with the label."""
    a1, a2 = rng.sample(ASPECTS, 2)
    bad, good = rng.choice(NEG_ADJ), rng.choice(POS_ADJ)
    if positive:
        return f"{a1.capitalize()} {be(a1)} a bit {bad}, but {a2} {be(a2)} {good}."
    return f"{a1.capitalize()} {be(a1)} {good}, but {a2} {be(a2)} {bad} and it sinks the film."


def review(rng, positive):
    t, d, g = title(rng), f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(GENRES)
    intro_forms = [f'"{t}" is a {g} about {rng.choice(PLOTS)}.',
                   f"{d}'s {g} \"{t}\" follows {rng.choice(PLOTS)}.",
                   f'In "{t}", {d} tells the story of {rng.choice(PLOTS)}.',
                   f'I saw "{t}" last night.']
    sentences = [rng.choice(intro_forms)]
    n_more = rng.randrange(0, 4)
    for _ in range(n_more):
        r = rng.random()
        if r < 0.6:
            sentences.append(opinion(rng, positive))
        elif r < 0.8:
            sentences.append(contrast(rng, positive))
        else:
            sentences.append(rng.choice(POS_SCORE if positive else NEG_SCORE))
    sentences.append(rng.choice(POS_VERDICT if positive else NEG_VERDICT))
    return " ".join(sentences[:5])


def main():
    rng = random.Random(SEED)
    rows = []
    while len(rows) < N + 200:
        label = rng.randrange(2)
        rows.append({"text": review(rng, label == 1), "label": label})
    rows = dedupe(rows, lambda r: r["text"])[:N]
    out, sizes = split_and_write("movie-reviews", rows, SEED)
    write_card(out, "sftnb/movie-reviews", """
Short reviews (1 to 5 sentences) of imaginary films, each with a sentiment `label`
(1 = positive, 0 = negative), in the format of `imdb` (`text`, `label`), small enough
to fine-tune a tiny model on in a minute. Titles, directors, genres and plots are made
up; opinions judge aspects of the film (acting, score, pacing, ...) with adjectives of
one polarity; some reviews contain a mixed remark whose second half agrees with the label.

Fields: `text` (string), `label` (int64: 0 or 1). A stand-in for `imdb`, not a copy of it.
""", sizes, "python3 tools/datagen/movie_reviews.py")
    print(out, sizes)


if __name__ == "__main__":
    main()
