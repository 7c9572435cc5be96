# re groups in depth: nested groups, optional groups, lastindex, non-capturing, groups(default), expand-like subs.
import re
m = re.match(r"((\w+)-(\d+))(?:\.(\w+))?", "model-42.bin extra")
print(m.groups(), m.group(1), m.group(2, 3), m.lastindex, m.group(4))
m2 = re.match(r"((\w+)-(\d+))(?:\.(\w+))?", "model-7")
print(m2.groups(), m2.groups(default="none"), m2.group(4))
m3 = re.search(r"(?P<first>\w+) (?P<last>\w+)", "name: Ada Lovelace")
print(m3.groupdict(), m3.start("last"), m3.span("first"), m3.string)
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a b"), re.sub(r"(\d)", r"\g<1>0", "1 2"))
print([m.groups() for m in re.finditer(r"(\w)=(\d)", "a=1, b=2")])
print(re.findall(r"(?:https?://)?(\w+)\.com", "see http://ex.com and foo.com"))
