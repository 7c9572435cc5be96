# for/while with else, break, continue, pass.
for n in range(2, 12):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
i = 0
while i < 3:
    i += 1
else:
    print("while finished normally", i)
while True:
    i -= 1
    if i == 1:
        break
else:
    print("never printed")
print("broke at", i)
out = []
for c in "a1b2c3":
    if c.isdigit():
        continue
    out.append(c)
print(out)
for _ in range(2):
    pass
print("after pass", _)
for x in []:
    print("never")
else:
    print("empty for runs else")
