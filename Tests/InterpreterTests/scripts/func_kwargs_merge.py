# ** unpacking several dicts into a call, keyword conflicts, and building kwargs dynamically.
def configure(model, lr=1e-3, epochs=1, **extra):
    return {"model": model, "lr": lr, "epochs": epochs, **extra}
defaults = {"lr": 2e-5, "epochs": 3}
overrides = {"epochs": 1, "seed": 42}
print(configure("gpt2", **defaults))
print(configure("gpt2", **{**defaults, **overrides}))
print(configure(**{"model": "opt", "warmup": 10}))
try:
    configure("gpt2", model="dup")
except TypeError as e:
    print("TypeError", e)
kwargs = {}
for key, value in [("lr", 0.1), ("name", "run1")]:
    kwargs[key] = value
print(configure("m", **kwargs))
args = ("m", 0.5)
print(configure(*args, epochs=2))
