# str.encode / bytes.decode: UTF-8 lengths, errors= modes, decode failures, bytes methods and hex.
for s in ["abc", "é", "日本語", "🙂", "a\u0000b"]:
    b = s.encode("utf-8")
    print(repr(s), len(s), len(b), b, b.decode("utf-8") == s)
print("café".encode("ascii", errors="replace"), "café".encode("ascii", errors="ignore"))
print(b"caf\xc3\xa9".decode(), b"\xff\xfeok".decode("utf-8", errors="replace"), b"\xffok".decode("utf-8", "ignore"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, isinstance(e, ValueError))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__)
print(b"hello world".split(), b"a-b".replace(b"-", b"+"), b"abc".hex(), bytes.fromhex("4142"))
print(b"  pad ".strip(), b"abc".startswith(b"ab"), b"x" * 3, b"abc"[::-1], list(b"AB"))
print("latin".encode("latin-1"), "é".encode("latin-1"), b"\xe9".decode("latin-1"))
