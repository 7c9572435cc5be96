# Comprehensions with conditional expressions in the element, multiple filters, and walrus in filters.
nums = [-3, -1, 0, 2, 5, 8]
print(["neg" if n < 0 else "zero" if n == 0 else "pos" for n in nums])
print([n for n in nums if n != 0 if n % 2 == 0])
print({n: ("even" if n % 2 == 0 else "odd") for n in nums if n > 0})
print([y for n in nums if (y := n * n) > 10])
print([[c for c in row if c] for row in [[0, 1], [2, 0], [0, 0]]])
print(sum(1 if c.isupper() else 0 for c in "Hello World"))
print([s.strip() for s in " a , b,,c ".split(",") if s.strip()])
