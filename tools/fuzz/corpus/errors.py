def f(:
    x = (1,
  y = ]
'unterminated
f"{x!z}" + 1j + 09 + 0b2
