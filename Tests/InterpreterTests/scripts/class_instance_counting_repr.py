# Instances in containers: sorting by attributes, grouping, __repr__ used by print of lists and dicts.
class Example:
    def __init__(self, text, label):
        self.text = text
        self.label = label
    def __repr__(self):
        return f"Example({self.text!r}, {self.label})"
data = [Example("good", 1), Example("bad", 0), Example("fine", 1), Example("awful", 0)]
print(sorted(data, key=lambda e: (e.label, e.text)))
by_label = {}
for e in data:
    by_label.setdefault(e.label, []).append(e)
print(by_label)
print(max(data, key=lambda e: len(e.text)), [e.text for e in data if e.label])
print({e.text: e for e in data[:2]})
