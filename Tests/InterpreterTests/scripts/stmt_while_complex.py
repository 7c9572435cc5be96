# while loops: complex conditions, nested loops with break/continue, else with break, loop-and-a-half.
n, steps = 27, 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = 0
found = None
while i < 5:
    j = 0
    while j < 5:
        if i * j == 6:
            found = (i, j)
            break
        j += 1
    else:
        i += 1
        continue
    break
print("found", found)
queue = [1]
seen = []
while queue:
    node = queue.pop(0)
    if node in seen or node > 10:
        continue
    seen.append(node)
    queue.extend([node * 2, node * 3])
print(seen)
data = iter([3, 1, 0, 7])
while True:
    v = next(data)
    if v == 0:
        break
    print("value", v)
