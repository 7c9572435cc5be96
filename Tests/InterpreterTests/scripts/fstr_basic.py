# f-strings: plain substitution, expressions, method calls, nested quotes, braces escaping.
name, n = "Ann", 3
print(f"hello {name}")
print(f"{n + 1} {n * 2} {n ** 2}")
print(f"{name.upper()} {name[0]} {len(name)}")
print(f"{'inner single'} {[1, 2][0]} {{literal braces}} {{{n}}}")
d = {"k": "v"}
print(f"{d['k']} {d}")
print(F"capital F {n}")
print(f"{n if n > 2 else 0} {', '.join(['a', 'b'])}")
print(f"{'nested ' + f'{n}'}")
print(f"multi {name}"
      f" line {n}")
print(rf"raw \n {n}", fr"\t{name}")
print(f"{3.0} {1/3} {None} {True} {[1, 'a']}")
