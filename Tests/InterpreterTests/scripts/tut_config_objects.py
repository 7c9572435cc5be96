# Tutorial: config classes with keyword defaults, to_dict, validation errors, and copies with overrides.
class LoraLikeConfig:
    def __init__(self, r=8, lora_alpha=8, lora_dropout=0.0, target_modules=None, task_type=None):
        if r <= 0:
            raise ValueError(f"`r` should be a positive integer value but the value passed is {r}")
        self.r = r
        self.lora_alpha = lora_alpha
        self.lora_dropout = lora_dropout
        self.target_modules = target_modules
        self.task_type = task_type
    @property
    def scaling(self):
        return self.lora_alpha / self.r
    def to_dict(self):
        return dict(vars(self))
    def replace(self, **changes):
        d = self.to_dict()
        d.update(changes)
        return type(self)(**d)
    def __repr__(self):
        body = ", ".join(f"{k}={v!r}" for k, v in self.to_dict().items())
        return f"{type(self).__name__}({body})"
cfg = LoraLikeConfig(r=16, lora_alpha=32, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM")
print(cfg)
print(cfg.scaling, cfg.replace(r=4).scaling, cfg.r)
try:
    LoraLikeConfig(r=0)
except ValueError as e:
    print("ValueError:", e)
try:
    LoraLikeConfig(rank=4)
except TypeError as e:
    print("TypeError:", e)
