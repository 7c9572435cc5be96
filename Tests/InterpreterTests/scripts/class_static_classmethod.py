# @staticmethod and @classmethod: alternative constructors, class state, calling via instance.
class Config:
    created = 0
    def __init__(self, lr, epochs):
        self.lr = lr
        self.epochs = epochs
        Config.created += 1
    @classmethod
    def from_dict(cls, d):
        return cls(d["lr"], d.get("epochs", 3))
    @staticmethod
    def validate_lr(lr):
        return 0 < lr < 1
    def __repr__(self):
        return f"{type(self).__name__}(lr={self.lr}, epochs={self.epochs})"
class SubConfig(Config):
    pass
c = Config.from_dict({"lr": 0.1})
s = SubConfig.from_dict({"lr": 0.2, "epochs": 1})
print(c, s, Config.created)
print(Config.validate_lr(0.5), c.validate_lr(2), SubConfig.validate_lr(0.001))
print(c.from_dict({"lr": 0.3}), Config.created)
