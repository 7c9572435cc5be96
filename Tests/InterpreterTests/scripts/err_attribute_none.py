# Uncaught AttributeError on None returned by a function that forgot to return.
def find(items, target):
    for item in items:
        if item == target:
            return item
print(find(["a", "b"], "a").upper())
print(find(["a", "b"], "z").upper())
