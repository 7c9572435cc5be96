# Class decorators and registries: registering subclasses by name, creating instances from a string key.
REGISTRY = {}
def register(name):
    def deco(cls):
        REGISTRY[name] = cls
        cls.registered_as = name
        return cls
    return deco
class Base:
    def run(self):
        return f"{type(self).__name__}.run"
@register("gpt2")
class GPT2(Base):
    pass
@register("llama")
class Llama(Base):
    def run(self):
        return "llama override"
def create(key):
    if key not in REGISTRY:
        raise ValueError(f"unknown model type {key!r}; known: {sorted(REGISTRY)}")
    return REGISTRY[key]()
print(sorted(REGISTRY), create("gpt2").run(), create("llama").run(), GPT2.registered_as)
try:
    create("bert")
except ValueError as e:
    print("ValueError:", e)
