# Lexing: identifiers with underscores, digits, Unicode letters; keywords as attribute-like names.
_private = 1
__dunder_like = 2
name2 = 3
café = 4
日本 = 5
print(_private, __dunder_like, name2, café, 日本)
CamelCase = "ok"
print(CamelCase)
match = "soft keyword as a name"
case = 1
type_ = "trailing underscore"
print(match, case, type_)
print(True, False, None)
