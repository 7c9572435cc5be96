# Custom exception classes: hierarchy, extra attributes, args, str, catching by base class.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(f"bad config {key!r}: {reason}")
        self.key = key
class Empty(Exception):
    pass
try:
    raise ConfigError("lr", "must be positive")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args)
for exc in (Empty(), Empty("one"), Empty("a", 2), AppError(42)):
    print(repr(str(exc)), exc.args, repr(exc))
try:
    raise Empty
except Empty as e:
    print("raised class, got instance:", type(e).__name__, isinstance(e, Exception))
print(issubclass(ConfigError, Exception), issubclass(ConfigError, AppError), ConfigError.__mro__[2].__name__)
