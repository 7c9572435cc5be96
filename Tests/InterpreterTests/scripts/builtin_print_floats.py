# Printing floats inside containers uses repr; str() of a float equals its repr; mixed int/float lists.
losses = [2.0, 1.5, 0.1 + 0.2, 1 / 3, 1e-8, 123456789.0, 1e16]
print(losses)
print(tuple(losses[:3]), {"loss": losses[2]}, {1.5, 2.5} == {2.5, 1.5})
print(str(0.1), repr(0.1), str(1e16), [str(x) for x in [0.5, 2.0]])
print([1, 1.0, True], [round(x, 3) for x in losses])
print(sum(losses[:2]) / 2, max(losses), min(losses), sorted(losses)[:2])
print([x / 7 for x in range(3)], [2 ** -k for k in range(4)])
