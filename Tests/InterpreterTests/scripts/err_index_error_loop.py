# Uncaught IndexError from an off-by-one loop, after partial output.
xs = [10, 20, 30]
for i in range(len(xs) + 1):
    print(i, xs[i])
