# Lexing: comments everywhere, including after code and in blank lines.
# A comment on its own line
x = 1  # trailing comment
    # an indented comment does not start a block
y = 2
# comment between statements

def f():
    # comment as the first line of a body
    return x + y  # comment after return
        # over-indented comment is ignored
print(f())
s = "# not a comment"
print(s)
print('#', "#")  # two hashes printed
