# Docstrings via __doc__, __name__, annotations are accepted and ignored at run time.
def greet(name: str, times: int = 1) -> str:
    """Return a greeting repeated `times` times."""
    return ("hi " + name + " ") * times
print(greet("bob", 2))
print(greet.__doc__)
print(greet.__name__)
def no_doc():
    return 1
print(no_doc.__doc__)
class Thing:
    """A documented class."""
    size: int = 3
    label: str
    def method(self) -> None:
        """Method doc."""
print(Thing.__doc__, Thing.method.__doc__, Thing.size)
count: int = 5
values: list[int] = [1, 2]
print(count, values)
def wrong_types(x: int) -> str:
    return x * 2
print(wrong_types(21))
