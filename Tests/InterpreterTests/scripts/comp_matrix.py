# Matrix operations with comprehensions: multiply, transpose, identity, elementwise ops, flatten, reshape.
A = [[1, 2], [3, 4], [5, 6]]
B = [[7, 8, 9], [10, 11, 12]]
def matmul(X, Y):
    return [[sum(X[i][k] * Y[k][j] for k in range(len(Y))) for j in range(len(Y[0]))] for i in range(len(X))]
print(matmul(A, B))
print([list(r) for r in zip(*A)])
I = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
print(I, matmul(matmul(A, B), I) == matmul(A, B))
print([[a + b for a, b in zip(ra, rb)] for ra, rb in zip(A, A)])
flat = [x for row in A for x in row]
print(flat, [flat[i:i + 3] for i in range(0, len(flat), 3)])
print(max(max(r) for r in B), [sum(col) for col in zip(*B)])
