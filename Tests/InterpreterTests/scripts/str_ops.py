# str operators: +, *, comparisons, in, slicing with steps, immutability error.
s = "abcdef"
print(s + "gh", s * 2, 3 * "ab", "" * 5 == "")
print(s[1:4], s[:3], s[3:], s[-2:], s[::2], s[::-1], s[-1:-4:-1], s[10:], s[4:2])
print("abc" < "abd", "Z" < "a", "abc" == "abc", "a" != "b", "ab" < "abc")
print(min("hello"), max("hello"), sorted("hello"))
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError", e)
try:
    print(s[10])
except IndexError as e:
    print("IndexError", e)
print(str(123) + "4", int("12") + 4)
try:
    print("a" + 1)
except TypeError as e:
    print("TypeError", e)
