# Uncaught TypeError: unsupported operand types while summing mixed values.
values = [1, 2, "3"]
total = 0
for v in values:
    total = total + v
    print("total", total)
