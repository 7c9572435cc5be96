/// Python's operators on `torch.Tensor` (`t + 1`, `2 * t`, `t == 3`, `-t`, `t @ m`, `t += 1`),
/// with torch's dtype promotion, broadcasting and errors (see `TensorArithmetic`,
/// `TensorPromotion`, `TensorMatMul`). Operands other than tensors and Python numbers are
/// NotImplemented, so Python's `TypeError` follows.
///
/// The reflected forms follow torch's `Tensor.__r*__`: `n - t` is `rsub`, `n / t` is
/// `t.reciprocal() * n` (so it rounds as torch does), `n ** t` is `torch.pow(n, t)`.
/// A result gets the `grad_fn` torch would record when an operand has one (a model's loss)
/// and gradients are enabled.
extension PyTensor: NativeOperators {
    func binaryOperator(_ rt: Interpreter, _ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard let y = try TensorOperand.from(other) else { return nil }
        let x = TensorOperand(self)
        if op == .leftShift || op == .rightShift {
            throw PyError.notImplemented("the \(op.rawValue) operator on tensors")
        }
        if op == .matrixMultiply {
            guard let t = y.tensor else { return nil }
            return .object(reflected ? try TensorMatMul.matmul(t, self) : try TensorMatMul.matmul(self, t))
        }
        guard reflected else {
            let r = try TensorArithmetic.binary(op, x, y)
            try r.recordGrad(PyTensor.gradName(op, tensorExponent: y.kind != .pythonNumber), from: [self, y.tensor])
            return .object(r)
        }
        let r: PyTensor
        let grad: String?
        switch op {
        case .add, .multiply, .bitAnd, .bitOr, .bitXor:
            r = try TensorArithmetic.binary(op, x, y)
            grad = PyTensor.gradName(op, tensorExponent: false)
        case .divide:
            let reciprocal = try TensorArithmetic.binary(.divide, TensorOperand(number: 1, dtype: .int64), x)
            r = try TensorArithmetic.binary(.multiply, TensorOperand(reciprocal), y)
            grad = "MulBackward0"
        case .subtract:
            r = try TensorArithmetic.binary(op, y, x)
            grad = "RsubBackward1"
        case .power:
            r = try TensorArithmetic.power(y, x, compute: TensorPromotion.resultType([y, x]))
            grad = "PowBackward2"
        default:
            r = try TensorArithmetic.binary(op, y, x)
            grad = "NotImplemented"  // floor_divide and remainder with the number first
        }
        try r.recordGrad(grad, from: [self])
        return .object(r)
    }

    /// `t op= x` writes into `t` (other names for the same tensor see the change), if the
    /// result's dtype can be cast to `t`'s and the result has `t`'s shape, as torch requires.
    /// `@=` makes a new tensor: torch's Tensor has no `__imatmul__`.
    func inPlaceOperator(_ rt: Interpreter, _ op: BinaryOperator, _ other: Value) throws -> Value? {
        guard op != .matrixMultiply, let value = try binaryOperator(rt, op, other, reflected: false), case .object(let o) = value,
              let r = o as? PyTensor else { return nil }
        guard r.dtype.canCast(to: dtype) else {
            throw PyError.runtimeError("result type \(r.dtype.torchName) can't be cast to the desired output type \(dtype.torchName)")
        }
        guard r.shape == shape else {
            throw PyError.runtimeError("output with shape \(PyTensor.shapeText(shape)) doesn't match the broadcast shape \(PyTensor.shapeText(r.shape))")
        }
        if sharesStorage {
            throw PyError.notImplemented("in-place operators on a tensor that shares memory with a view of it (write `t = t \(op.rawValue) x`)")
        }
        values = r.dtype == dtype ? r.values : r.values.map { TensorPromotion.cast($0, to: dtype) }
        if r.gradFn != nil { gradFn = r.gradFn }
        return .object(self)
    }

    func compareOperator(_ rt: Interpreter, _ op: CompareOperator, _ other: Value) throws -> Value? {
        guard let y = try TensorOperand.from(other) else { return nil }
        return .object(try TensorArithmetic.compare(op, TensorOperand(self), y))
    }

    func unaryOperator(_ rt: Interpreter, _ op: UnaryOperator) throws -> Value? {
        switch op {
        case .negate:
            if dtype == .bool {
                throw TensorArithmetic.torchNotImplemented("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
            }
            return .object(try mapped(grad: "NegBackward0") { v in
                dtype.isIntegral ? try TensorPromotion.store(0 &- Int64(v), dtype) : -v
            })
        case .plus:
            if dtype == .bool { throw TensorArithmetic.torchNotImplemented("The `+` operator, on a bool tensor is not supported.") }
            return .object(self)
        case .invert:
            switch dtype.category {
            case .bool: return .object(try mapped(grad: nil) { $0 == 0 ? 1 : 0 })
            case .integer: return .object(try mapped(grad: nil) { try TensorPromotion.store(~Int64($0), dtype) })
            case .floating: throw PyError.typeError("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
            }
        case .not:
            return nil
        }
    }

    /// `abs(t)` / `t.abs()`.
    func absolute() throws -> PyTensor {
        if dtype == .bool { throw TensorArithmetic.torchNotImplemented("\"abs_cpu\" not implemented for 'Bool'") }
        return try mapped(grad: "AbsBackward0") { v in
            dtype.isIntegral ? try TensorPromotion.store(Int64(v) < 0 ? 0 &- Int64(v) : Int64(v), dtype) : Swift.abs(v)
        }
    }

    private func mapped(grad: String?, _ f: (Double) throws -> Double) throws -> PyTensor {
        let r = PyTensor(values: try values.map(f), shape: shape, dtype: dtype)
        try r.recordGrad(grad, from: [self])
        return r
    }

    /// Gives the result torch's `grad_fn` when gradients are on (the running script's
    /// `no_grad` state) and an operand has one; refuses (rather than print a wrong repr) when
    /// the node's name is unknown here.
    func recordGrad(_ name: String?, from operands: [PyTensor?]) throws {
        guard Interpreter.current?.gradEnabled ?? true, dtype.isFloatingPoint, operands.contains(where: { $0?.gradFn != nil }) else { return }
        guard let name else { throw PyError.notImplemented("this operator on a tensor that has a grad_fn") }
        gradFn = name
    }

    /// The autograd node torch records for `t op x`.
    static func gradName(_ op: BinaryOperator, tensorExponent: Bool) -> String? {
        switch op {
        case .add: return "AddBackward0"
        case .subtract: return "SubBackward0"
        case .multiply: return "MulBackward0"
        case .divide: return "DivBackward0"
        case .floorDivide: return "NotImplemented"
        case .modulo: return tensorExponent ? "RemainderBackward1" : "RemainderBackward0"
        case .power: return tensorExponent ? "PowBackward1" : "PowBackward0"
        default: return nil
        }
    }

    /// `[2, 3]`, as torch writes shapes in messages.
    static func shapeText(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }
}
