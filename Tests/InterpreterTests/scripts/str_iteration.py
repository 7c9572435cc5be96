# Iterating strings: for loops, enumerate, zip, reversed, membership.
word = "héllo"
for ch in word:
    print(ch, end=".")
print()
for i, ch in enumerate("abc", start=1):
    print(i, ch)
print(list(zip("abc", "xyz")))
print("".join(reversed("stressed")))
vowels = sum(1 for c in "education" if c in "aeiou")
print(vowels)
print([c * 2 for c in "ab"])
print(dict.fromkeys("aab"))
