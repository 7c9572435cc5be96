import Foundation

/// Elementwise binary operators on tensors as torch computes them: operands broadcast,
/// the computation runs in `torch.result_type` of the operands (true division in the
/// default float dtype when that is integral), Python numbers are converted to that dtype
/// first, integers wrap around, float32 arithmetic rounds as float32 does, and float16 /
/// bfloat16 compute in float32 and round the result.
enum TensorArithmetic {
    /// `x op y` for the elementwise operators (x is the left operand).
    static func binary(_ op: BinaryOperator, _ x: TensorOperand, _ y: TensorOperand) throws -> PyTensor {
        let compute = TensorPromotion.resultType([x, y])
        switch op {
        case .add, .multiply, .bitAnd, .bitOr, .bitXor:
            return try elementwise(x, y, compute: compute, result: compute, opmathScalar: op == .add || op == .multiply) { a, b, d in
                try combine(op, a, b, d)
            }
        case .subtract:
            if x.dtype == .bool && y.dtype == .bool {
                throw torchNotImplemented("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
            }
            if x.dtype == .bool || y.dtype == .bool {
                throw torchNotImplemented("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
            }
            return try elementwise(x, y, compute: compute, result: compute, opmathScalar: true) { a, b, d in
                d.isIntegral ? try TensorPromotion.store(Int64(a) &- Int64(b), d) : floating(d, a, b, -, -)
            }
        case .divide:
            let d = compute.isFloatingPoint ? compute : .float32
            return try elementwise(x, y, compute: d, result: d, opmathScalar: true) { a, b, d in floating(d, a, b, /, /) }
        case .floorDivide:
            if compute == .bool { throw torchNotImplemented("\"div_floor_cpu\" not implemented for 'Bool'") }
            return try elementwise(x, y, compute: compute, result: compute, opmathScalar: false) { a, b, d in
                if d.isIntegral { return try TensorPromotion.store(try floorDivide(Int64(a), Int64(b)), d) }
                return floating(d, a, b, floorDivide, floorDivide)
            }
        case .modulo:
            if compute == .bool { throw torchNotImplemented("\"remainder_cpu\" not implemented for 'Bool'") }
            return try elementwise(x, y, compute: compute, result: compute, opmathScalar: false) { a, b, d in
                if d.isIntegral { return try TensorPromotion.store(try remainder(Int64(a), Int64(b)), d) }
                return floating(d, a, b, remainder, remainder)
            }
        case .power:
            return try power(x, y, compute: compute)
        case .matrixMultiply, .leftShift, .rightShift:
            throw PyError.notImplemented("the \(op.rawValue) operator on tensors")
        }
    }

    /// `+ * & | ^` (commutative, so the reflected forms use them too).
    private static func combine(_ op: BinaryOperator, _ a: Double, _ b: Double, _ d: PyTensor.DType) throws -> Double {
        switch d.category {
        case .bool:
            let x = a != 0, y = b != 0
            switch op {
            case .add, .bitOr: return x || y ? 1 : 0
            case .multiply, .bitAnd: return x && y ? 1 : 0
            default: return x != y ? 1 : 0
            }
        case .integer:
            let x = Int64(a), y = Int64(b)
            switch op {
            case .add: return try TensorPromotion.store(x &+ y, d)
            case .multiply: return try TensorPromotion.store(x &* y, d)
            case .bitAnd: return try TensorPromotion.store(x & y, d)
            case .bitOr: return try TensorPromotion.store(x | y, d)
            default: return try TensorPromotion.store(x ^ y, d)
            }
        case .floating:
            switch op {
            case .add: return floating(d, a, b, +, +)
            case .multiply: return floating(d, a, b, *, *)
            default:
                let name = op == .bitAnd ? "bitwise_and_cpu" : op == .bitOr ? "bitwise_or_cpu" : "bitwise_xor_cpu"
                throw torchNotImplemented("\"\(name)\" not implemented for '\(d.torchName)'")
            }
        }
    }

    /// `x ** y`: integers by repeated squaring (negative exponents give 0 except for bases 1
    /// and -1; a negative Python-number exponent is an error), floats through `powf`/`pow`,
    /// with torch's special cases for a Python-number exponent (2 and 3 multiply, ±0.5 take
    /// square roots, -1 and -2 take reciprocals).
    static func power(_ x: TensorOperand, _ y: TensorOperand, compute: PyTensor.DType) throws -> PyTensor {
        if compute == .bool { throw torchNotImplemented("\"pow\" not implemented for 'Bool'") }
        let scalarExponent = y.kind == .pythonNumber ? y.values[0] : nil
        if compute.isIntegral, let e = scalarExponent, e < 0 {
            throw PyError.runtimeError("Integers to negative integer powers are not allowed.")
        }
        return try elementwise(x, y, compute: compute, result: compute, opmathScalar: false) { a, b, d in
            if d.isIntegral { return try TensorPromotion.store(integerPower(Int64(a), Int64(b)), d) }
            if d == .float64 { return floatPower(a, b, special: scalarExponent != nil) }
            return TensorPromotion.cast(Double(floatPower(Float(a), Float(b), special: scalarExponent != nil)), to: d)
        }
    }

    private static func integerPower(_ base: Int64, _ exponent: Int64) -> Int64 {
        if exponent < 0 {
            if base == 1 { return 1 }
            if base == -1 { return exponent % 2 == 0 ? 1 : -1 }
            return 0
        }
        var result: Int64 = 1, a = base, e = exponent
        while e != 0 {
            if e & 1 == 1 { result = result &* a }
            e /= 2
            a = a &* a
        }
        return result
    }

    private static func floatPower<T: BinaryFloatingPoint & ElementaryPower>(_ a: T, _ b: T, special: Bool) -> T {
        if special {
            switch b {
            case 2: return a * a
            case 3: return a * a * a
            case 0.5: return a.squareRoot()
            case -0.5: return 1 / a.squareRoot()
            case -1: return 1 / a
            case -2: return 1 / (a * a)
            default: break
            }
        }
        return T.power(a, b)
    }

    /// Integer floor division; dividing by zero is torch's `RuntimeError: ZeroDivisionError`.
    static func floorDivide(_ a: Int64, _ b: Int64) throws -> Int64 {
        guard b != 0 else { throw PyError.runtimeError("ZeroDivisionError") }
        let (q, overflow) = a.dividedReportingOverflow(by: b)
        if overflow { return q }
        if (a < 0) != (b < 0) && a % b != 0 { return q - 1 }
        return q
    }

    /// Integer remainder with the divisor's sign (Python's `%`).
    static func remainder(_ a: Int64, _ b: Int64) throws -> Int64 {
        guard b != 0 else { throw PyError.runtimeError("ZeroDivisionError") }
        let (m, _) = a.remainderReportingOverflow(dividingBy: b)
        return m != 0 && (b < 0) != (m < 0) ? m + b : m
    }

    /// torch's `div_floor_floating` (the same steps as CPython's float `//`).
    static func floorDivide<T: FloatingPoint>(_ a: T, _ b: T) -> T {
        if b == 0 { return a / b }
        let mod = a.truncatingRemainder(dividingBy: b)
        var div = (a - mod) / b
        if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
        guard div != 0 else { return T(signOf: a / b, magnitudeOf: 0) }
        var floored = div.rounded(.down)
        if div - floored > 1 / 2 { floored += 1 }
        return floored
    }

    static func remainder<T: FloatingPoint>(_ a: T, _ b: T) -> T {
        var mod = a.truncatingRemainder(dividingBy: b)
        if mod != 0 && (b < 0) != (mod < 0) { mod += b }
        return mod
    }

    /// `f` in the arithmetic of `d`: float32 for float32, float16 and bfloat16 (rounded to
    /// the storage type after), double for float64.
    @inline(__always)
    static func floating(_ d: PyTensor.DType, _ a: Double, _ b: Double,
                         _ f: (Float, Float) -> Float, _ g: (Double, Double) -> Double) -> Double {
        d == .float64 ? g(a, b) : TensorPromotion.cast(Double(f(Float(a), Float(b))), to: d)
    }

    /// Applies `f` to every broadcast pair of elements, both converted to `compute`, giving a
    /// `result` tensor. `opmathScalar`: torch's float16/bfloat16 kernels for `+ - * /` take a
    /// second operand that is a single number (a Python number or a 0-d tensor) at float32
    /// precision instead of rounding it to the tensor's dtype.
    static func elementwise(_ x: TensorOperand, _ y: TensorOperand, compute: PyTensor.DType, result: PyTensor.DType,
                            opmathScalar: Bool, _ f: (Double, Double, PyTensor.DType) throws -> Double) throws -> PyTensor {
        let shape = try TensorPromotion.broadcastShape(x.shape, y.shape)
        let xo = TensorPromotion.broadcastOffsets(x.shape, to: shape)
        let yo = TensorPromotion.broadcastOffsets(y.shape, to: shape)
        let xs = x.dtype == compute ? x.values : x.values.map { TensorPromotion.cast($0, to: compute) }
        let keepScalar = opmathScalar && (compute == .float16 || compute == .bfloat16) && y.kind != .dimensioned
        let ys = y.dtype == compute ? y.values : y.values.map { keepScalar ? Double(Float($0)) : TensorPromotion.cast($0, to: compute) }
        var out = [Double](repeating: 0, count: xo.count)
        for k in out.indices { out[k] = try f(xs[xo[k]], ys[yo[k]], compute) }
        return PyTensor(values: out, shape: shape, dtype: result)
    }

    /// `== != < <= > >=`, compared in the operands' result type; a bool tensor.
    static func compare(_ op: CompareOperator, _ x: TensorOperand, _ y: TensorOperand) throws -> PyTensor {
        let compute = TensorPromotion.resultType([x, y])
        return try elementwise(x, y, compute: compute, result: .bool, opmathScalar: false) { a, b, _ in
            let r: Bool
            switch op {
            case .equal: r = a == b
            case .notEqual: r = a != b
            case .less: r = a < b
            case .lessEqual: r = a <= b
            case .greater: r = a > b
            default: r = a >= b
            }
            return r ? 1 : 0
        }
    }

    /// torch's `NotImplementedError` (a kernel missing for a dtype).
    static func torchNotImplemented(_ message: String) -> PyError {
        PyError(T.notImplementedError, message)
    }
}

/// `pow` in the type's own precision (`powf` for float32, as torch's CPU kernels call it).
protocol ElementaryPower { static func power(_ a: Self, _ b: Self) -> Self }
extension Float: ElementaryPower { static func power(_ a: Float, _ b: Float) -> Float { powf(a, b) } }
extension Double: ElementaryPower { static func power(_ a: Double, _ b: Double) -> Double { Foundation.pow(a, b) } }
