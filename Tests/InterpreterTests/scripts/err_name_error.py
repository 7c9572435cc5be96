# Uncaught NameError for a misspelled name inside a function.
def greet(name):
    return "hello " + nmae
print("start")
greet("ann")
