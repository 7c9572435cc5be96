# A user-defined context manager class that records events, used with with-statements.
class Recorder:
    def __init__(self):
        self.events = []
    def __enter__(self):
        self.events.append("enter")
        return self
    def __exit__(self, exc_type, exc_value, traceback):
        self.events.append("exit:" + (exc_type.__name__ if exc_type else "ok"))
        return exc_type is ZeroDivisionError
rec = Recorder()
with rec as r:
    r.events.append("body")
with rec:
    1 / 0
print(rec.events)
try:
    with rec:
        int("x")
except ValueError:
    rec.events.append("handled outside")
print(rec.events[-2:])
