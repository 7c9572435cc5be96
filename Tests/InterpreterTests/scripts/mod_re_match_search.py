# re.match vs re.search, groups, named groups, group(0), span, fullmatch, None results.
import re
m = re.match(r"(\w+)@(\w+)\.com", "ann@example.com trailing")
print(m.group(0), m.group(1), m.group(2), m.groups(), m.span(), m.start(2), m.end(2))
print(re.match(r"\d+", "abc 123"), re.search(r"\d+", "abc 123").group())
m = re.search(r"(?P<key>\w+)=(?P<value>\d+)", "x: lr=42;")
print(m.group("key"), m["value"], m.groupdict(), m.group(1, 2))
print(re.fullmatch(r"[a-z]+", "abc") is not None, re.fullmatch(r"[a-z]+", "abc1"))
m = re.search(r"(a)?b", "b")
print(m.groups(), m.group(1))
if re.search(r"^\s*#", "   # comment"):
    print("comment line")
print(bool(re.match(r"colou?r$", "color")), bool(re.match(r"colou?r$", "colour!")))
print(re.search(r"ab+?", "abbb").group(), re.search(r"ab+", "abbb").group())
print(re.search(r"(?i)hello", "Say HELLO").group(), re.search("hello", "HeLLo", re.IGNORECASE).group())
print(re.search(r"^b", "a\nb", re.MULTILINE).start(), re.search(r"a.b", "a\nb", re.DOTALL).group() == "a\nb")
