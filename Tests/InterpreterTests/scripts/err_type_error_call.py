# Uncaught TypeError from calling a function with an unexpected keyword argument.
def train(model, epochs=1):
    return f"{model} for {epochs}"
print(train("m", epochs=2))
print(train("m", epoch=2))
