# Uncaught NotImplementedError from an abstract-style method, raised from a subclass method call chain.
class Loader:
    def load(self, path):
        raise NotImplementedError(f"{type(self).__name__}.load({path!r}) is not implemented")
class CsvLoader(Loader):
    pass
print("loading")
CsvLoader().load("data.csv")
