# Built-in exception hierarchy checks via issubclass and catching by base classes.
pairs = [
    (KeyError, LookupError), (IndexError, LookupError), (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError), (FileNotFoundError, OSError), (FileExistsError, OSError),
    (UnboundLocalError, NameError), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (ModuleNotFoundError, ImportError), (StopIteration, Exception), (KeyboardInterrupt, Exception),
    (ValueError, Exception), (TypeError, ValueError), (Exception, BaseException),
]
for sub, base in pairs:
    print(f"{sub.__name__:<20} {base.__name__:<16} {issubclass(sub, base)}")
try:
    open("_golden_tmp_missing_dir/x.txt")
except OSError as e:
    print("caught as OSError:", type(e).__name__)
try:
    import _golden_no_such_module
except ImportError as e:
    print("caught as ImportError:", type(e).__name__)
