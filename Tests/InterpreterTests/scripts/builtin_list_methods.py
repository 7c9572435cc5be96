# list methods: append extend insert remove pop index count copy clear reverse sort, and operators.
xs = [3, 1, 2]
xs.append(4); xs.extend([5, 6]); xs.extend("ab"); xs.insert(0, 0); xs.insert(-1, "mid"); xs.insert(100, "end")
print(xs)
xs.remove("a")
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
print(xs.index(2), xs.index(5, 2), [1, 1, 2, 1].count(1))
ys = xs.copy()
ys.clear()
print(xs, ys)
nums = [5, 3, 9]
nums.reverse()
print(nums, nums + [0], nums * 2, [0] * 3)
nums.sort(key=lambda v: -v)
print(nums, 9 in nums, nums == [9, 5, 3], nums < [10])
a = [1, 2]
b = a
a = a + [3]
print(a, b)
print(list.__name__, [1, 2, 3][::-1], len([[]]))
