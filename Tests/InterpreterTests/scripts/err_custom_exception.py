# Uncaught custom exception with a message; its class name (no module prefix for __main__) ends stderr.
class DatasetFormatError(Exception):
    pass
def check(example):
    if "text" not in example:
        raise DatasetFormatError(f"example has no 'text' field: keys are {sorted(example)}")
    return len(example["text"])
print(check({"text": "fine"}))
print(check({"prompt": "p", "completion": "c"}))
