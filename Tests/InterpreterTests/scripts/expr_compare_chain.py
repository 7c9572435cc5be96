# Comparisons: chained comparisons, mixed types, sequences compared lexicographically.
x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4, 3 > 2 == 2, x == 5 != 6)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(5), calls)  # short-circuits: v(5) never called
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] < [0])
print("apple" < "banana", "B" < "a", (2,) > (1, 9))
print(1 == 1.0, "1" == 1, None == None, None == 0, [1] == [1.0])
print({"a": 1} == {"a": 1}, {1, 2} == {2, 1}, (1, 2) == [1, 2])
print(2 >= 2, 2 <= 1, 3 != 3.0)
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError", e)
try:
    print([1] < [None])
except TypeError as e:
    print("TypeError", e)
