# super() through several levels, explicit Parent.method(self) calls, super() in other dunders.
class Base:
    def __init__(self):
        self.log = ["Base.__init__"]
    def describe(self):
        return "base"
    def __repr__(self):
        return f"<{self.describe()}>"
class Middle(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Middle.__init__")
    def describe(self):
        return "middle+" + super().describe()
class Leaf(Middle):
    def __init__(self, tag):
        super().__init__()
        self.tag = tag
        self.log.append("Leaf.__init__")
    def describe(self):
        return f"leaf({self.tag})+" + super().describe()
    def base_only(self):
        return Base.describe(self)
leaf = Leaf("x")
print(leaf.log)
print(leaf.describe(), leaf.base_only(), leaf)
class NoInit(Middle):
    pass
n = NoInit()
print(n.log, n)
