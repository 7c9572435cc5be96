import Foundation

/// The few numeric operations scripts apply to model outputs: `exp` (perplexity),
/// `softmax` over the last dimension (next-token probabilities), and full `sum`/`mean`/`max`.
/// Float results are float32, rounded as torch rounds them.
extension PyTensor {
    func exp() -> PyTensor {
        PyTensor(float32: values.map { Float(Foundation.exp($0)) }, shape: shape)
    }

    /// Softmax along `dim` (the last dimension only: what logits need).
    func softmax(_ rt: Interpreter, dim: Int) throws -> PyTensor {
        guard !shape.isEmpty else { return PyTensor(float32: [1], shape: []) }
        let d = try normalizedDim(dim, rank: shape.count)
        guard d == shape.count - 1 else { throw PyError.notImplemented("softmax over a dimension other than the last") }
        let n = shape[d]
        var out = [Float](repeating: 0, count: count)
        for row in stride(from: 0, to: count, by: Swift.max(n, 1)) {
            let slice = values[row..<row + n]
            let m = slice.max() ?? 0
            let e = slice.map { Foundation.exp($0 - m) }
            let total = e.reduce(0, +)
            for (i, v) in e.enumerated() { out[row + i] = Float(v / total) }
        }
        return PyTensor(float32: out, shape: shape)
    }

    func sum() -> PyTensor {
        let total = values.reduce(0, +)
        return dtype.isFloatingPoint ? PyTensor(float32: [Float(total)], shape: []) : PyTensor(int64: [Int(total)], shape: [])
    }

    func mean() throws -> PyTensor {
        guard dtype.isFloatingPoint else {
            throw PyError.runtimeError("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(dtype == .int64 ? "Long" : dtype == .int32 ? "Int" : "Bool")")
        }
        return PyTensor(float32: [Float(values.reduce(0, +) / Double(Swift.max(count, 1)))], shape: [])
    }

    func maximum() throws -> PyTensor {
        guard let m = values.max() else {
            throw PyError.runtimeError("max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        return PyTensor(values: [m], shape: [], dtype: dtype)
    }
}
