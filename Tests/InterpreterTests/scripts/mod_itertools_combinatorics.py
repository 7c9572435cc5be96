# itertools: product, permutations, combinations, accumulate, groupby, zip_longest, starmap, pairwise.
import itertools
import operator
print(list(itertools.product("ab", [0, 1])), len(list(itertools.product(range(3), repeat=3))))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations("abcd", 2)), list(itertools.combinations_with_replacement("ab", 2)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3, 4], operator.mul)))
data = sorted(["apple", "avocado", "banana", "cherry", "cranberry"], key=lambda w: w[0])
for key, group in itertools.groupby(data, key=lambda w: w[0]):
    print(key, list(group))
print([(k, len(list(g))) for k, g in itertools.groupby("aaabccdd")])
print(list(itertools.zip_longest("abc", [1], fillvalue="-")))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.pairwise([1, 2, 4, 7])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.filterfalse(str.isdigit, "a1b2")))
