# Lexing: single, double and triple quoted strings, quotes inside quotes.
print('single')
print("double")
print('it\'s')
print("say \"hi\"")
print("it's")
print('say "hi"')
print('''triple single
spanning lines''')
print("""triple "double" with 'quotes'""")
t = """first
  second
third"""
print(t.split("\n"))
print(len(""), len(''), len(""""""))
print(repr('it\'s'), repr("say \"hi\""), repr('both \' and "'))
