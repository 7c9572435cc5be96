# Lexing: several statements on one line with semicolons, one-line compound statements.
a = 1; b = 2; c = a + b
print(a, b, c)
if c > 2: print("one-line if")
for i in range(3): print(i, end=" ")
print()
while a < 4: a += 1
print(a)
def f(): return "one-line def"
print(f())
class K: pass
print(K.__name__)
x = 5;
print(x)
