# format() builtin and __format__ through f-strings on user classes.
print(format(3.14159, ".2f"), format(42, "05d"), format("x", ">3"), format(255, "x"))
print(format(1234.5, ","), format(0.5, "%"), format(10), format("s"))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        value = f"{self.cents / 100:.2f}"
        return f"${value:{spec}}" if spec else f"${value}"
    def __str__(self):
        return "Money"
m = Money(1234)
print(f"{m}|{m:>10}|{m!s}")
print(format(m, "<8") + "|")
