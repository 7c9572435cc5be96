# re character classes and quantifiers: \d \w \s \b, [^...], {m,n}, alternation, anchors, lookahead.
import re
s = "ID: A12-b34_c 7x\tdone"
print(re.findall(r"\d", s), re.findall(r"\w+", s), re.findall(r"\S+", s))
print(re.findall(r"[^a-z\s]+", s), re.findall(r"\d{2,3}", "1 12 123 1234"), re.findall(r"a{2}", "aaaaa"))
print(re.findall(r"cat|dog", "catdogbird dog"), re.findall(r"^\w+|\w+$", "first mid last"))
print(re.findall(r"\w+(?=!)", "wow! nice! ok"), re.findall(r"(?<=\$)\d+", "$5 and $10"))
print(re.findall(r"(?:ab)+", "ababab abx"), re.findall(r"[.?!]", "Hi. Ok? Yes!"))
print(re.match(r"\d*", "abc").group() == "", re.search(r"\bis\b", "this is it").start())
print(re.findall(r"[\u00c0-\u00ff]", "café naïve"), re.findall(r"\w+", "日本 語"))
