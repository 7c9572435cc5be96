# Global and builtin name lookups from compiled code (cached per site) must follow every
# rebinding, deletion and shadowing of a module-level name.
def use_len(x):
    return len(x)

print(use_len("abc"))
len = lambda x: "shadowed"
print(use_len("abc"))
del len
print(use_len("abc"))

def read_later():
    return later

try:
    read_later()
except NameError as e:
    print("NameError:", e)
later = 1
print(read_later())
later = 2
print(read_later())
del later
try:
    read_later()
except NameError as e:
    print("NameError:", e)

counter = 0
def bump():
    global counter
    counter += 1
    return counter

print([bump() for _ in range(3)], counter)

def define_global():
    global created
    created = "made in a function"

define_global()
print(created)

# The same function body run against names changed between calls.
def total(xs):
    return sum(xs) + offset

offset = 10
results = []
for i in range(3):
    results.append(total([i, i]))
    offset += 100
print(results)

# Module-level loops read and write globals on every iteration.
acc = []
for i in range(3):
    acc.append(i * 2)
print(acc, i)

try:
    del never_defined
except NameError as e:
    print("NameError:", e)

print(sorted(k for k in globals() if not k.startswith("__"))[:6])
