# Lexing: nested indentation blocks, mixed depths, dedent to several levels at once.
def outer(n):
    total = 0
    for i in range(n):
        if i % 2 == 0:
            for j in range(i):
                    total += j  # deeper indentation than needed is fine
        else:
          total -= 1  # two-space indentation inside a four-space block
    return total


print(outer(6))
if True:
    if True:
        if True:
            print("three deep")
print("back at top")
class A:
	def tab_method(self):  # tabs are allowed if consistent within a block
		return "tab"
print(A().tab_method())
