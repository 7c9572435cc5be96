# __setattr__ override for validation and __getattribute__-free attribute tracking; object.__setattr__ bypass.
class Strict:
    allowed = ("lr", "epochs")
    def __init__(self):
        object.__setattr__(self, "changes", [])
    def __setattr__(self, name, value):
        if name not in self.allowed:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}")
        self.changes.append(name)
        object.__setattr__(self, name, value)
s = Strict()
s.lr = 0.1
s.epochs = 3
s.lr = 0.2
print(s.lr, s.epochs, s.changes)
try:
    s.learning_rate = 1
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(s, "learning_rate"))
