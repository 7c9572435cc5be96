import Foundation

/// `torch.Tensor`, the little of it tokenizer and model outputs and scripts' arithmetic on
/// them need (operators in TensorOperators.swift): a dense row-major array of int64, bool or
/// float values with a shape. Values are kept as `Double` (exact
/// for float32 and for int64 up to 2^53, far beyond token ids); float32 data is rounded
/// through `Float` on the way in so it prints as torch prints it.
///
/// Model bindings build results with `PyTensor(int64: ids, shape: [1, n])` or
/// `PyTensor(float32: logits, shape: [1, n, vocab])`.
final class PyTensor: NativeObject {
    enum DType: String {
        case float32, float16, bfloat16, float64, int64, int32, bool

        var repr: String { "torch.\(rawValue)" }
        var isFloatingPoint: Bool { [.float32, .float16, .bfloat16, .float64].contains(self) }
    }

    /// Changed only by in-place operators (`t += 1`).
    var values: [Double]
    let shape: [Int]
    let dtype: DType
    /// The autograd node torch would attach (`NllLossBackward0` for a model's loss), shown in
    /// the repr; nil for leaf tensors and under `torch.no_grad()`.
    var gradFn: String?
    /// True when torch would share this tensor's memory with another (a view from `view`,
    /// `reshape`, `unsqueeze` or indexing, or the tensor it was taken from). Values here are
    /// copies, so in-place operators refuse such tensors rather than leave the other stale.
    var sharesStorage = false

    init(values: [Double], shape: [Int], dtype: DType) {
        self.values = values
        self.shape = shape
        self.dtype = dtype
        super.init(cls: PyTensor.pyClass)
    }

    convenience init(int64: [Int], shape: [Int]) {
        self.init(values: int64.map(Double.init), shape: shape, dtype: .int64)
    }

    convenience init(float32: [Float], shape: [Int]) {
        self.init(values: float32.map(Double.init), shape: shape, dtype: .float32)
    }

    var count: Int { values.count }

    /// Row-major strides, in elements.
    var strides: [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        for i in stride(from: shape.count - 2, through: 0, by: -1) { s[i] = s[i + 1] * shape[i + 1] }
        return s
    }

    /// A stored value as an int, without trapping: NaN, infinities and out-of-range values
    /// become Int64.min, as torch's float-to-int64 conversion gives on x86.
    static func int(_ v: Double) -> Int {
        v.isFinite && abs(v) < 9.2e18 ? Int(v) : Int.min
    }

    /// A Python scalar for one stored value.
    func scalar(_ v: Double) -> Value {
        switch dtype {
        case .int64, .int32: return .int(PyTensor.int(v))
        case .bool: return .bool(v != 0)
        default: return .float(v)
        }
    }

    /// The tensor in `dtype`: itself when it already is (as torch's `.float()`/`.to()` return self).
    func converted(to dtype: DType) -> PyTensor {
        if dtype == self.dtype { return self }
        let vals: [Double]
        switch dtype {
        case .int64, .int32: vals = values.map { Double(PyTensor.int($0.rounded(.towardZero))) }
        case .bool: vals = values.map { $0 != 0 ? 1 : 0 }
        case .float32: vals = values.map { Double(Float($0)) }
        case .float16: vals = values.map { Double(Float(Float16(Float($0)))) }
        case .bfloat16: vals = values.map { Double(PyTensor.bfloat16(Float($0))) }
        case .float64: vals = values
        }
        return PyTensor(values: vals, shape: shape, dtype: dtype)
    }

    /// `x` rounded to bfloat16 (the top 16 bits of a float32, round to nearest even).
    static func bfloat16(_ x: Float) -> Float {
        if x.isNaN { return x }
        let bits = x.bitPattern
        let rounded = (bits &+ 0x7FFF &+ ((bits >> 16) & 1)) & 0xFFFF_0000
        return Float(bitPattern: rounded)
    }

    func toList() -> Value {
        func build(_ offset: Int, _ dim: Int) -> Value {
            if dim == shape.count { return scalar(values[offset]) }
            let s = strides[dim]
            return .object(PyList((0..<shape[dim]).map { build(offset + $0 * s, dim + 1) }))
        }
        return build(0, 0)
    }

    override func repr(_ rt: Interpreter) throws -> String { TensorFormatting.repr(self) }

    override func length(_ rt: Interpreter) throws -> Int? {
        guard let n = shape.first else { throw PyError.typeError("len() of a 0-d tensor") }
        return n
    }

    override func truthy(_ rt: Interpreter) throws -> Bool {
        guard count == 1 else {
            throw PyError.runtimeError("Boolean value of Tensor with more than one value is ambiguous")
        }
        return values[0] != 0
    }

    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        guard let n = shape.first else { throw PyError.typeError("iteration over a 0-d tensor") }
        var i = 0
        return { [self] in
            guard i < n else { return nil }
            defer { i += 1 }
            return .object(try self.index(rt, [.int(i)]))
        }
    }

    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        if case .object(let o) = key, let t = o as? PyTuple { return .object(try index(rt, t.items)) }
        return .object(try index(rt, [key]))
    }

    /// Basic indexing: ints (negative from the end) drop a dimension, slices keep it.
    func index(_ rt: Interpreter, _ keys: [Value]) throws -> PyTensor {
        guard keys.count <= shape.count else {
            throw PyError.indexError("too many indices for tensor of dimension \(shape.count)")
        }
        var selections: [[Int]] = []
        var keep: [Bool] = []
        for (dim, key) in keys.enumerated() {
            let n = shape[dim]
            if case .object(let o) = key, let s = o as? PySlice {
                let (start, _, step, count) = try rt.sliceIndices(s, n)
                if step < 0 { throw PyError.valueError("step must be greater than zero") }
                selections.append((0..<count).map { start + $0 * step })
                keep.append(true)
            } else {
                let i = try rt.toInt(key)
                guard i >= -n && i < n else {
                    throw PyError.indexError("index \(i) is out of bounds for dimension \(dim) with size \(n)")
                }
                selections.append([i < 0 ? i + n : i])
                keep.append(false)
            }
        }
        for dim in keys.count..<shape.count {
            selections.append(Array(0..<shape[dim]))
            keep.append(true)
        }
        let st = strides
        var out: [Double] = []
        func walk(_ offset: Int, _ dim: Int) {
            if dim == shape.count { out.append(values[offset]); return }
            for i in selections[dim] { walk(offset + i * st[dim], dim + 1) }
        }
        walk(0, 0)
        let newShape = zip(selections, keep).compactMap { $1 ? $0.count : nil }
        return view(PyTensor(values: out, shape: newShape, dtype: dtype))
    }

    /// `argmax(dim)`: the first index of the maximum along `dim`; all elements when nil.
    func argmax(dim: Int?, keepdim: Bool) throws -> PyTensor {
        guard count > 0 else { throw PyError.runtimeError("argmax(): Expected reduction dim to be specified for input.numel() == 0.") }
        func best(_ indices: [Int]) -> Int {
            var b = 0
            for (k, i) in indices.enumerated() where values[i] > values[indices[b]] || values[i].isNaN && !values[indices[b]].isNaN { b = k }
            return b
        }
        guard let dimension = dim else { return PyTensor(int64: [best(Array(0..<count))], shape: []) }
        let d = try normalizedDim(dimension, rank: max(shape.count, 1))
        if shape.isEmpty { return PyTensor(int64: [0], shape: []) }
        let st = strides, n = shape[d]
        var outer = shape
        outer[d] = 1
        var result: [Int] = []
        let outerCount = outer.reduce(1, *)
        for flat in 0..<outerCount {
            var rem = flat, offset = 0
            for k in stride(from: shape.count - 1, through: 0, by: -1) {
                offset += (rem % outer[k]) * st[k]
                rem /= outer[k]
            }
            result.append(best((0..<n).map { offset + $0 * st[d] }))
        }
        var newShape = shape
        if keepdim { newShape[d] = 1 } else { newShape.remove(at: d) }
        return PyTensor(int64: result, shape: newShape)
    }

    func normalizedDim(_ dim: Int, rank: Int) throws -> Int {
        guard dim >= -rank && dim < rank else {
            throw PyError.indexError("Dimension out of range (expected to be in range of [\(-rank), \(rank - 1)], but got \(dim))")
        }
        return dim < 0 ? dim + rank : dim
    }

    func reshaped(_ newShape: [Int]) -> PyTensor { view(PyTensor(values: values, shape: newShape, dtype: dtype)) }

    /// Marks `t` as a view of this tensor (see `sharesStorage`).
    private func view(_ t: PyTensor) -> PyTensor {
        sharesStorage = true
        t.sharesStorage = true
        return t
    }
}
