import Foundation

/// The few numeric operations scripts apply to model outputs: `exp` (perplexity),
/// `softmax`/`log_softmax` and `topk` over the last dimension (next-token probabilities and the
/// likeliest tokens), and full `sum`/`mean`/`max`.
/// Float results are float32, rounded as torch rounds them.
extension PyTensor {
    func exp() -> PyTensor {
        PyTensor(float32: values.map { Float(Foundation.exp($0)) }, shape: shape)
    }

    /// Softmax along `dim` (the last dimension only: what logits need).
    func softmax(_ rt: Interpreter, dim: Int) throws -> PyTensor {
        try mapRows("softmax", dim: dim, scalar: 1) { shifted in
            let e = shifted.map { Foundation.exp($0) }
            let total = e.reduce(0, +)
            return e.map { $0 / total }
        }
    }

    /// log_softmax along the last dimension: x − max − log Σ exp(x − max), per row.
    func logSoftmax(_ rt: Interpreter, dim: Int) throws -> PyTensor {
        try mapRows("log_softmax", dim: dim, scalar: 0) { shifted in
            let logTotal = Foundation.log(shifted.reduce(0) { $0 + Foundation.exp($1) })
            return shifted.map { $0 - logTotal }
        }
    }

    /// A float32 tensor made row by row along the last dimension from each row minus its
    /// maximum (the numerically safe form both softmaxes start from); `scalar` is the result
    /// for a 0-d tensor.
    private func mapRows(_ name: String, dim: Int, scalar: Float,
                         _ transform: ([Double]) -> [Double]) throws -> PyTensor {
        guard !shape.isEmpty else { return PyTensor(float32: [scalar], shape: []) }
        let d = try normalizedDim(dim, rank: shape.count)
        guard d == shape.count - 1 else { throw PyError.notImplemented("\(name) over a dimension other than the last") }
        let n = shape[d]
        var out = [Float](repeating: 0, count: count)
        for row in stride(from: 0, to: count, by: Swift.max(n, 1)) {
            let slice = values[row..<row + n]
            let m = slice.max() ?? 0
            for (i, v) in transform(slice.map { $0 - m }).enumerated() { out[row + i] = Float(v) }
        }
        return PyTensor(float32: out, shape: shape)
    }

    /// `topk(k, dim=-1, largest=True, sorted=True)` along the last dimension: the k largest
    /// (or smallest) values of each row and their indices, best first; ties keep index order.
    func topk(k: Int, dim: Int, largest: Bool) throws -> (values: PyTensor, indices: PyTensor) {
        let rank = Swift.max(shape.count, 1)
        let d = try normalizedDim(dim, rank: rank)
        guard d == rank - 1 else { throw PyError.notImplemented("topk over a dimension other than the last") }
        let n = shape.last ?? 1
        guard k >= 0 && k <= n else { throw PyError.runtimeError("selected index k out of range") }
        var outValues: [Double] = [], outIndices: [Int] = []
        for row in stride(from: 0, to: Swift.max(count, 1), by: Swift.max(n, 1)) where count > 0 {
            let order = (0..<n).sorted { a, b in
                let x = values[row + a], y = values[row + b]
                if x.isNaN != y.isNaN { return x.isNaN == largest }
                return x == y ? a < b : (largest ? x > y : x < y)
            }
            for i in order.prefix(k) { outValues.append(values[row + i]); outIndices.append(i) }
        }
        var outShape = shape
        if outShape.isEmpty { outShape = [] } else { outShape[outShape.count - 1] = k }
        return (PyTensor(values: outValues, shape: outShape, dtype: dtype), PyTensor(int64: outIndices, shape: outShape))
    }

    /// `t.T`: the dimensions in reverse order (a matrix transposed), as a copy.
    func reversedDimensions() throws -> PyTensor {
        guard shape.count > 1 else { return self }
        let st = strides, outShape = Array(shape.reversed())
        var out = [Double](repeating: 0, count: count)
        for flat in 0..<count {
            var rem = flat, offset = 0
            for k in stride(from: outShape.count - 1, through: 0, by: -1) {
                offset += (rem % outShape[k]) * st[shape.count - 1 - k]
                rem /= outShape[k]
            }
            out[flat] = values[offset]
        }
        let r = PyTensor(values: out, shape: outShape, dtype: dtype)
        try r.recordGrad("PermuteBackward0", from: [self])
        return r
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

/// `torch.return_types.topk`: a named pair `(values, indices)` that unpacks like a tuple.
final class PyTopK: NativeObject {
    let values: PyTensor, indices: PyTensor

    init(_ values: PyTensor, _ indices: PyTensor) {
        self.values = values; self.indices = indices
        super.init(cls: PyTopK.pyClass)
    }

    static let pyClass: PyClass = NativeClass<PyTopK>("topk", module: "torch.return_types")
        .property("values") { _, this in .object(this.values) }
        .property("indices") { _, this in .object(this.indices) }
        .pyClass

    override func repr(_ rt: Interpreter) throws -> String {
        "torch.return_types.topk(\nvalues=\(try rt.repr(.object(values))),\nindices=\(try rt.repr(.object(indices))))"
    }

    override func length(_ rt: Interpreter) throws -> Int? { 2 }

    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        switch try rt.toInt(key) {
        case 0, -2: return .object(values)
        case 1, -1: return .object(indices)
        default: throw PyError.indexError("tuple index out of range")
        }
    }

    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        var items: [Value] = [.object(indices), .object(values)]
        return { items.popLast() }
    }
}
