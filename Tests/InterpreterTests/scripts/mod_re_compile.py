# re.compile: pattern objects with match/search/findall/sub/split, flags, pattern attribute.
import re
word = re.compile(r"[A-Za-z']+")
print(word.findall("It's a dog's life!"), word.pattern)
date = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
m = date.search("Released on 2023-11-05.")
print(m.groups(), m.group(1), date.match("2023-11-05") is not None, date.match("x2023-11-05"))
print(date.sub(r"\3.\2.\1", "2023-11-05 and 2024-01-31"))
ws = re.compile(r"\s+")
print(ws.split("a  b \n c"), ws.sub("_", " x y "))
ci = re.compile("hello", re.IGNORECASE)
print(bool(ci.search("HeLLo there")), ci.flags & re.IGNORECASE != 0)
tag = re.compile(r"<(\w+)>(.*?)</\1>")
print(tag.findall("<b>bold</b> and <i>it</i> <b>x</i>"))
print([m.group(2) for m in tag.finditer("<p>one</p><p>two</p>")])
try:
    re.compile("(unclosed")
except re.error as e:
    print("re.error", isinstance(e, Exception))
