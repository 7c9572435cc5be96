# More slicing: on tuples, strings, bytes, ranges; slice objects with None; indices(); copying with [:].
t = tuple(range(8))
print(t[::3], t[-2::-2], "abcdefg"[1::2], b"abcdef"[::2], range(20)[3:15:4], list(range(20)[::-5]))
s = slice(None, None, -1)
print(t[s], "abc"[s], s, slice(2).stop, slice(1, 5).indices(3), slice(None, None, -2).indices(5))
orig = [[1], [2]]
copy = orig[:]
copy.append([3])
copy[0].append(9)
print(orig, copy)
print("hello"[len("hello"):], "hello"[-len("hello"):], "x"[5:], [][1:2], "abc"[-10:10])
xs = [0, 1, 2, 3, 4, 5]
xs[1:5:2] = ["a", "b"]
xs[-1:] = []
print(xs)
