# More str methods used in data cleaning: format_map, count, encode, join on generators, ljust tables.
row = {"name": "ann", "n": 3}
print("{name} has {n}".format_map(row))
text = "The quick brown fox. The lazy dog."
print(text.lower().count("the"), text.split(". "), text.rstrip(".").split(". ")[-1])
sentences = [s.strip() for s in text.split(".") if s.strip()]
print(sentences)
print("|".join(w.capitalize() for w in "a bb ccc".split()))
print("a-b_c d".replace("-", " ").replace("_", " ").split())
print("Title Case Words".swapcase(), "x".center(5, "="))
print("ab" * 0 == "", "abc".startswith(""), "".join(["x"] * 3))
print("%-6s|%6.2f|" % ("left", 3.14159))
print(" ".join(f"{w:>4}" for w in ["a", "bb"]))
