# Exception objects: args, str/repr, instances as values, exceptions with non-string args.
e = ValueError("msg", 2)
print(e.args, str(e), repr(e))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), repr(ValueError()))
print(str(ZeroDivisionError("division by zero")), str(Exception(3)))
errors = [TypeError("t"), IndexError("i")]
print([type(x).__name__ for x in errors], [str(x) for x in errors])
try:
    raise errors[1]
except IndexError as caught:
    print(caught is errors[1])
def make():
    return RuntimeError("made by function")
try:
    raise make()
except RuntimeError as r:
    print(r)
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(NotImplementedError("todo"), isinstance(NotImplementedError(), RuntimeError))
