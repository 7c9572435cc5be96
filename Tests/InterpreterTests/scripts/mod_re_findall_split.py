# re.findall (no group, one group, several groups), finditer, split (with groups, maxsplit).
import re
text = "Order 66, order 12 and ORDER 7; total 85."
print(re.findall(r"\d+", text))
print(re.findall(r"order (\d+)", text, re.I))
print(re.findall(r"(\w+) (\d+)", text))
print([m.start() for m in re.finditer(r"\d+", text)])
print([(m.group(), m.span()) for m in re.finditer(r"[A-Z]+", text)])
print(re.split(r"[,;.]\s*", text))
print(re.split(r"\s+", "  a b   c "), re.split(r"(,)", "a,b,c"), re.split(r",", "a,b,c", maxsplit=1))
print(re.findall(r"\b\w", "hello big world"), re.findall(r"[aeiou]", "sequoia"))
print(re.findall(r"\$\d+\.\d{2}", "cost $3.50 or $12.00, not $5"))
print(re.findall(r"(\d)(\d)?", "1 23"))
print(re.findall(r"", "ab"))
