import BigInt

/// A Python value. `None`, `bool`, small `int` and `float` stay unboxed (no allocation,
/// no reference counting) because they dominate arithmetic loops; everything else is a
/// reference to a `PyObject` subclass whose Swift type decides its storage and whose
/// `cls` is its Python type.
public enum Value {
    case none
    case bool(Bool)
    /// An int that fits in 64 bits; larger ones are `PyBigInt` objects (always normalized:
    /// a big int never holds a value that fits in `Int`).
    case int(Int)
    case float(Double)
    case object(PyObject)

    @inline(__always) var asObject: PyObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// Wraps a Swift string.
    static func str(_ s: String) -> Value { .object(PyStr(s)) }

    /// An int of any size, normalized to `.int` when it fits.
    static func bigint(_ b: BigInt) -> Value {
        if let i = Int(exactly: b) { return .int(i) }
        return .object(PyBigInt(b))
    }

    /// Python's `is`.
    func isIdentical(_ other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.float(a), .float(b)): return a.bitPattern == b.bitPattern
        case let (.object(a), .object(b)): return a === b
        default: return false
        }
    }
}

/// The base of every heap-allocated Python value. `attrs` is the instance `__dict__`
/// for objects that have one (user-class instances, functions, modules' namespace lives
/// elsewhere); builtin values leave it nil so they stay small.
open class PyObject {
    /// Final and unchecked: read on nearly every operation, so no dynamic dispatch and no
    /// runtime exclusivity bookkeeping (the interpreter is single-threaded per session).
    @exclusivity(unchecked) public internal(set) final var cls: PyClass!
    @exclusivity(unchecked) final var attrs: AttrTable?

    init(cls: PyClass?) {
        self.cls = cls
    }

    var typeName: String { cls.name }
}

/// Dunder method names, interned once so lookups never build strings.
enum Dunder {
    static let binary: [BinaryOperator: (String, String, String)] = [
        .add: ("__add__", "__radd__", "__iadd__"), .subtract: ("__sub__", "__rsub__", "__isub__"),
        .multiply: ("__mul__", "__rmul__", "__imul__"), .divide: ("__truediv__", "__rtruediv__", "__itruediv__"),
        .floorDivide: ("__floordiv__", "__rfloordiv__", "__ifloordiv__"), .modulo: ("__mod__", "__rmod__", "__imod__"),
        .power: ("__pow__", "__rpow__", "__ipow__"), .matrixMultiply: ("__matmul__", "__rmatmul__", "__imatmul__"),
        .leftShift: ("__lshift__", "__rlshift__", "__ilshift__"), .rightShift: ("__rshift__", "__rrshift__", "__irshift__"),
        .bitAnd: ("__and__", "__rand__", "__iand__"), .bitOr: ("__or__", "__ror__", "__ior__"),
        .bitXor: ("__xor__", "__rxor__", "__ixor__"),
    ]
}
