# Uncaught ValueError raised inside a generator while a for loop consumes it; earlier items were printed.
def parse(lines):
    for line in lines:
        yield float(line)
for value in parse(["1.5", "2", "oops", "4"]):
    print(value)
