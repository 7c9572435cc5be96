# re.sub: plain replacement, group backrefs \1 and \g<name>, function repl, count, subn, escapes.
import re
print(re.sub(r"\s+", " ", "too   many\t\tspaces\n here"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "ann@home bob@work"))
print(re.sub(r"(?P<y>\d{4})-(?P<m>\d{2})", r"\g<m>/\g<y>", "2024-05 and 1999-12"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 10 pears"))
print(re.sub(r"[aeiou]", "*", "education", count=2))
print(re.subn(r"o", "0", "foo boo"))
print(re.sub(r"^", "> ", "line1\nline2", flags=re.M))
print(re.sub(r"(a)(b)?", r"[\1|\2]", "ab a"))
print(re.escape("1+1=2?"), re.sub(re.escape("a.b"), "X", "a.b axb"))
print(re.sub(r"x*", "-", "abc"))
print(re.sub(r"(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2), "hello big world"))
print(re.sub(r"\\n", "\n", r"one\ntwo"))
