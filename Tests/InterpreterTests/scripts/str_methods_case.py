# str methods: case conversions and predicates.
s = "Hello World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), "hello world".capitalize())
print("abc".isalpha(), "abc1".isalpha(), "123".isdigit(), "12a".isdigit())
print("abc1".isalnum(), " ".isspace(), "".isspace(), "ABC".isupper(), "abc".islower())
print("Hello World".istitle(), "123".isnumeric(), "x_1".isidentifier(), "1x".isidentifier())
print("ABC".isupper(), "AbC".isupper(), "123".islower())
print("mIxEd CaSe".capitalize())
