import Foundation

/// What an operator sees of each operand, and torch's rules for combining them:
/// `torch.result_type` (dimensioned tensors outrank 0-d tensors, which outrank Python
/// numbers, except that a higher category — bool < integer < floating — always wins) and
/// broadcasting.
struct TensorOperand {
    enum Kind: Int { case dimensioned, zeroDim, pythonNumber }

    let values: [Double]
    let shape: [Int]
    /// The stored dtype; a Python number is bool, int64 or float64.
    let dtype: PyTensor.DType
    let kind: Kind
    /// The tensor, when the operand is one.
    let tensor: PyTensor?

    init(_ t: PyTensor) {
        values = t.values
        shape = t.shape
        dtype = t.dtype
        kind = t.shape.isEmpty ? .zeroDim : .dimensioned
        tensor = t
    }

    init(number: Double, dtype: PyTensor.DType) {
        values = [number]
        shape = []
        self.dtype = dtype
        kind = .pythonNumber
        tensor = nil
    }

    /// A tensor or a Python number; nil for anything else (the operator is NotImplemented).
    /// Python ints are exact in the stored `Double`s only up to 2**53; larger ones are refused.
    static func from(_ v: Value) throws -> TensorOperand? {
        switch v {
        case .bool(let b): return TensorOperand(number: b ? 1 : 0, dtype: .bool)
        case .int(let i):
            guard i.magnitude <= 1 << 53 else {
                throw PyError.notImplemented("tensor arithmetic with Python ints beyond 2**53 (\(i))")
            }
            return TensorOperand(number: Double(i), dtype: .int64)
        case .float(let d): return TensorOperand(number: d, dtype: .float64)
        case .object(let o):
            if let t = o as? PyTensor { return TensorOperand(t) }
            if o is PyBigInt { throw PyError.overflow("int too big to convert") }
            return nil
        case .none: return nil
        }
    }

    /// The dtype this operand takes part in promotion with: a Python float counts as the
    /// default dtype (float32), as torch's wrapped numbers do.
    var promotionDType: PyTensor.DType {
        kind == .pythonNumber && dtype == .float64 ? .float32 : dtype
    }
}

extension PyTensor.DType {
    enum Category: Int, Comparable {
        case bool, integer, floating
        static func < (a: Category, b: Category) -> Bool { a.rawValue < b.rawValue }
    }

    var category: Category { self == .bool ? .bool : isFloatingPoint ? .floating : .integer }
    var isIntegral: Bool { category == .integer }

    /// torch's name in messages ("result type Float can't be cast to ... Long").
    var torchName: String {
        switch self {
        case .float32: return "Float"
        case .float64: return "Double"
        case .float16: return "Half"
        case .bfloat16: return "BFloat16"
        case .int64: return "Long"
        case .int32: return "Int"
        case .bool: return "Bool"
        }
    }

    private var rank: Int {
        switch self {
        case .bool: return 0
        case .int32: return 1
        case .int64: return 2
        case .float16, .bfloat16: return 3
        case .float32: return 4
        case .float64: return 5
        }
    }

    /// `torch.promote_types`.
    static func promote(_ a: Self, _ b: Self) -> Self {
        if a == b { return a }
        if Set([a, b]) == [.float16, .bfloat16] { return .float32 }
        return a.rank >= b.rank ? a : b
    }

    /// torch's `canCast`: no floating → integral or bool, no non-bool → bool.
    func canCast(to target: Self) -> Bool {
        if isFloatingPoint && !target.isFloatingPoint { return false }
        if self != .bool && target == .bool { return false }
        return true
    }
}

enum TensorPromotion {
    /// `torch.result_type` of the operands.
    static func resultType(_ operands: [TensorOperand]) -> PyTensor.DType {
        var best: [TensorOperand.Kind: PyTensor.DType] = [:]
        for o in operands {
            best[o.kind] = best[o.kind].map { PyTensor.DType.promote($0, o.promotionDType) } ?? o.promotionDType
        }
        let lower = combine(best[.zeroDim], best[.pythonNumber])
        return combine(best[.dimensioned], lower) ?? .float32
    }

    /// c10's `combine_categories`: the higher-priority result wins unless the lower one is of
    /// a higher category.
    private static func combine(_ higher: PyTensor.DType?, _ lower: PyTensor.DType?) -> PyTensor.DType? {
        guard let h = higher else { return lower }
        guard let l = lower else { return h }
        if h.isFloatingPoint { return h }
        if h == .bool || l.isFloatingPoint { return PyTensor.DType.promote(h, l) }
        return h
    }

    /// The broadcast shape, with torch's error when the shapes do not broadcast.
    static func broadcastShape(_ a: [Int], _ b: [Int]) throws -> [Int] {
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let x = i < n - a.count ? 1 : a[i - (n - a.count)]
            let y = i < n - b.count ? 1 : b[i - (n - b.count)]
            guard x == y || x == 1 || y == 1 else {
                throw PyError.runtimeError("The size of tensor a (\(x)) must match the size of tensor b (\(y)) at non-singleton dimension \(i)")
            }
            out[i] = x == 1 ? y : x
        }
        return out
    }

    /// Element offsets of `shape` (row-major) read at every index of the broadcast `target`.
    static func broadcastOffsets(_ shape: [Int], to target: [Int]) -> [Int] {
        let total = target.reduce(1, *)
        if shape == target { return Array(0..<total) }
        var strides = [Int](repeating: 0, count: target.count)
        var s = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            let t = i + target.count - shape.count
            strides[t] = shape[i] == 1 ? 0 : s
            s *= shape[i]
        }
        var out = [Int](repeating: 0, count: total)
        var index = [Int](repeating: 0, count: target.count)
        var offset = 0
        for k in 0..<total {
            out[k] = offset
            var d = target.count - 1
            while d >= 0 {
                index[d] += 1
                offset += strides[d]
                if index[d] < target[d] { break }
                offset -= strides[d] * index[d]
                index[d] = 0
                d -= 1
            }
        }
        return out
    }

    /// `v` as stored in `dtype` (a Python number converted for the computation).
    static func cast(_ v: Double, to dtype: PyTensor.DType) -> Double {
        switch dtype {
        case .float64: return v
        case .float32: return Double(Float(v))
        case .float16: return Double(Float(Float16(Float(v))))
        case .bfloat16: return Double(PyTensor.bfloat16(Float(v)))
        case .int64: return Double(PyTensor.int(v.rounded(.towardZero)))
        case .int32: return Double(Int32(truncatingIfNeeded: PyTensor.int(v.rounded(.towardZero))))
        case .bool: return v != 0 ? 1 : 0
        }
    }

    /// A computed value stored as `dtype`; integers must stay exact in a `Double`.
    static func store(_ v: Int64, _ dtype: PyTensor.DType) throws -> Double {
        let w = dtype == .int32 ? Int64(Int32(truncatingIfNeeded: v)) : v
        guard Int64(exactly: Double(w)) == w else {
            throw PyError.notImplemented("int64 tensor values beyond 2**53 (sftnb keeps tensor values as doubles)")
        }
        return Double(w)
    }
}
