# Benchmark: integer and float arithmetic in while and for loops (~10^6 operations).
total = 0
i = 0
while i < 250000:
    total += i * 3 % 7
    i += 1
acc = 0.0
for j in range(250000):
    acc += j * 0.5 - (j // 3)
print(total, acc)
