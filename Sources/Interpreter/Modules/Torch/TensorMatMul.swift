/// `a @ b` (`torch.matmul`): vector·vector (a 0-d result), matrix·vector, vector·matrix,
/// matrix·matrix, and batches of matrices whose batch dimensions broadcast. Both operands
/// need the same dtype, as in torch. Products accumulate in double (int64 wrapping for
/// integers) and round once to the dtype; torch's BLAS accumulates in float32, so the last
/// bit of a float32 result can differ when the sums are not exact.
enum TensorMatMul {
    static func matmul(_ a: PyTensor, _ b: PyTensor) throws -> PyTensor {
        guard !a.shape.isEmpty && !b.shape.isEmpty else {
            throw PyError.runtimeError("both arguments to matmul need to be at least 1D, but they are \(a.shape.count)D and \(b.shape.count)D")
        }
        try checkDTypes(a, b)
        let grad: String?
        let result: PyTensor
        switch (a.shape.count, b.shape.count) {
        case (1, 1):
            guard a.count == b.count else {
                throw PyError.runtimeError("inconsistent tensor size, expected tensor [\(a.count)] and src [\(b.count)] to have the same number of elements, but got \(a.count) and \(b.count) elements respectively")
            }
            result = try product(a, b, batch: [], m: 1, k: a.count, n: 1, shape: [])
            grad = "DotBackward0"
        case (2, 1):
            guard a.shape[1] == b.count else {
                throw PyError.runtimeError("size mismatch, got input (\(a.shape[0])), mat (\(a.shape[0])x\(a.shape[1])), vec (\(b.count))")
            }
            result = try product(a, b, batch: [], m: a.shape[0], k: a.shape[1], n: 1, shape: [a.shape[0]])
            grad = "MvBackward0"
        case (1, 2):
            guard a.count == b.shape[0] else { throw mmMismatch(1, a.count, b.shape[0], b.shape[1]) }
            result = try product(a, b, batch: [], m: 1, k: a.count, n: b.shape[1], shape: [b.shape[1]])
            grad = "SqueezeBackward4"
        case (2, 2):
            guard a.shape[1] == b.shape[0] else { throw mmMismatch(a.shape[0], a.shape[1], b.shape[0], b.shape[1]) }
            result = try product(a, b, batch: [], m: a.shape[0], k: a.shape[1], n: b.shape[1], shape: [a.shape[0], b.shape[1]])
            grad = "MmBackward0"
        default:
            result = try batched(a, b)
            grad = nil
        }
        try result.recordGrad(grad, from: [a, b])
        return result
    }

    private static func checkDTypes(_ a: PyTensor, _ b: PyTensor) throws {
        if a.dtype == .bool && b.dtype == .bool {
            throw TensorArithmetic.torchNotImplemented("\"\(a.shape.count == 1 && b.shape.count == 1 ? "dot" : "addmm_impl_cpu_")\" not implemented for 'Bool'")
        }
        guard a.dtype == b.dtype else {
            if a.shape.count == 1 && b.shape.count == 1 {
                throw PyError.runtimeError("dot : expected both vectors to have same dtype, but found \(a.dtype.torchName) and \(b.dtype.torchName)")
            }
            throw PyError.runtimeError("expected m1 and m2 to have the same dtype, but got: \(cName(a.dtype)) != \(cName(b.dtype))")
        }
    }

    /// The C++ type names torch's mm messages use.
    private static func cName(_ d: PyTensor.DType) -> String {
        switch d {
        case .float32: return "float"
        case .float64: return "double"
        case .float16: return "c10::Half"
        case .bfloat16: return "c10::BFloat16"
        case .int64: return "long int"
        case .int32: return "int"
        case .bool: return "bool"
        }
    }

    private static func mmMismatch(_ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int) -> PyError {
        .runtimeError("mm: mat1 and mat2 shapes cannot be multiplied (\(r1)x\(c1) and \(r2)x\(c2))")
    }

    /// Stacks of matrices (a vector operand counts as one row or column, dropped after), the
    /// batch dimensions broadcast.
    private static func batched(_ a: PyTensor, _ b: PyTensor) throws -> PyTensor {
        let aMat = a.shape.count == 1 ? [1, a.count] : Array(a.shape.suffix(2))
        let bMat = b.shape.count == 1 ? [b.count, 1] : Array(b.shape.suffix(2))
        guard aMat[1] == bMat[0] else {
            throw PyError.runtimeError("Expected size for first two dimensions of batch2 tensor to be: [\(aMat[1])] but got: [\(bMat[0])] (matmul of \(PyTensor.shapeText(a.shape)) and \(PyTensor.shapeText(b.shape)))")
        }
        let batch = try TensorPromotion.broadcastShape(Array(a.shape.dropLast(2)), Array(b.shape.dropLast(2)))
        var shape = batch
        if a.shape.count > 1 { shape.append(aMat[0]) }
        if b.shape.count > 1 { shape.append(bMat[1]) }
        return try product(a, b, batch: batch, m: aMat[0], k: aMat[1], n: bMat[1], shape: shape)
    }

    /// `C[batch] = A[batch] (m×k) · B[batch] (k×n)`, reading each operand's matrices through
    /// the broadcast batch.
    private static func product(_ a: PyTensor, _ b: PyTensor, batch: [Int], m: Int, k: Int, n: Int, shape: [Int]) throws -> PyTensor {
        let aBatch = Array(a.shape.dropLast(a.shape.count == 1 ? 1 : 2))
        let bBatch = Array(b.shape.dropLast(b.shape.count == 1 ? 1 : 2))
        let aStarts = TensorPromotion.broadcastOffsets(aBatch, to: batch).map { $0 * m * k }
        let bStarts = TensorPromotion.broadcastOffsets(bBatch, to: batch).map { $0 * k * n }
        let dtype = a.dtype
        var out: [Double] = []
        out.reserveCapacity(aStarts.count * m * n)
        for (ao, bo) in zip(aStarts, bStarts) {
            for i in 0..<m {
                for j in 0..<n {
                    if dtype.isIntegral {
                        var s: Int64 = 0
                        for p in 0..<k { s = s &+ Int64(a.values[ao + i * k + p]) &* Int64(b.values[bo + p * n + j]) }
                        out.append(try TensorPromotion.store(s, dtype))
                    } else {
                        var s = 0.0
                        for p in 0..<k { s += a.values[ao + i * k + p] * b.values[bo + p * n + j] }
                        out.append(TensorPromotion.cast(s, to: dtype))
                    }
                }
            }
        }
        return PyTensor(values: out, shape: shape, dtype: dtype)
    }
}
