# dir() of a user class filtered to non-dunder names (sorted), vars() of an instance, __dict__ updates.
class Model:
    family = "gpt2"
    def __init__(self):
        self.layers = 2
        self.hidden = 8
    def forward(self):
        pass
    def _private(self):
        pass
    @property
    def size(self):
        return self.layers * self.hidden
m = Model()
print([n for n in dir(Model) if not n.startswith("__")])
print([n for n in dir(m) if not n.startswith("__")])
print(vars(m))
m.__dict__["extra"] = True
print(m.extra, sorted(vars(m)))
print("upper" in dir("s"), "append" in dir([]), "keys" in dir({}))
