import BigInt

/// `str`: Swift `String` plus, built on first index, its Unicode scalars, because Python
/// indexes strings by code point (`"日本語"[1] == "本"`).
final class PyStr: PyObject {
    let value: String
    @exclusivity(unchecked) private var scalarCache: [Unicode.Scalar]?
    @exclusivity(unchecked) private var countCache = -1
    @exclusivity(unchecked) private var hashCache: Int?

    /// Computed once per string object, like CPython's cached str hash.
    var hashValue: Int {
        if let h = hashCache { return h }
        let h = value.hashValue
        hashCache = h
        return h
    }

    init(_ value: String, cls: PyClass = T.str) {
        self.value = value
        super.init(cls: cls)
    }

    var scalars: [Unicode.Scalar] {
        if let s = scalarCache { return s }
        let s = Array(value.unicodeScalars)
        scalarCache = s
        return s
    }

    var count: Int {
        if countCache < 0 { countCache = scalarCache?.count ?? PyStr.scalarCount(value) }
        return countCache
    }

    /// Code points counted as UTF-8 bytes that do not continue a sequence: one pass over
    /// contiguous bytes, much cheaper than walking `unicodeScalars`.
    static func scalarCount(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { bytes in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }
}

final class PyBytes: PyObject {
    var bytes: [UInt8]
    init(_ bytes: [UInt8], cls: PyClass = T.bytes) {
        self.bytes = bytes
        super.init(cls: cls)
    }
}

/// An int outside `Int`'s range.
final class PyBigInt: PyObject {
    let value: BigInt
    init(_ value: BigInt) {
        self.value = value
        super.init(cls: T.int)
    }
}

final class PyList: PyObject {
    @exclusivity(unchecked) var items: [Value]
    init(_ items: [Value] = [], cls: PyClass = T.list) {
        self.items = items
        super.init(cls: cls)
    }
}

final class PyTuple: PyObject {
    let items: [Value]
    init(_ items: [Value], cls: PyClass = T.tuple) {
        self.items = items
        super.init(cls: cls)
    }
    static let empty = PyTuple([])
}

final class PyRange: PyObject {
    let start: Int, stop: Int, step: Int
    init(_ start: Int, _ stop: Int, _ step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(cls: T.range)
    }
    var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }
}

final class PySlice: PyObject {
    let lower: Value, upper: Value, step: Value
    init(_ lower: Value, _ upper: Value, _ step: Value) {
        self.lower = lower
        self.upper = upper
        self.step = step
        super.init(cls: T.slice)
    }
}

/// Any iterator implemented in Swift: `next` returns nil when exhausted.
final class PyIterator: PyObject {
    let next: () throws -> Value?
    init(cls: PyClass = T.iterator, _ next: @escaping () throws -> Value?) {
        self.next = next
        super.init(cls: cls)
    }
}

/// A variable shared between a function and the closures defined in it. It is a
/// `PyObject` only so a comprehension can keep one in a hidden slot (`NameRef.slotCell`).
final class Cell: PyObject {
    var value: Value?
    init(_ value: Value? = nil) {
        self.value = value
        super.init(cls: nil)
    }
}

/// A function defined by `def` or `lambda`.
final class PyFunction: PyObject {
    let code: CodeObject
    let globals: Namespace
    @exclusivity(unchecked) var defaults: [Value?]
    let closure: [Cell]
    var name: String
    var qualname: String
    var doc: Value
    /// The class whose body defined this function (for zero-argument `super()`). Strong, not
    /// weak: a weak reference would give every class a side table and slow down every
    /// retain/release of it (the class/function cycle is as permanent as in CPython).
    @exclusivity(unchecked) var ownerClass: PyClass?

    init(code: CodeObject, globals: Namespace, defaults: [Value?], closure: [Cell]) {
        self.code = code
        self.globals = globals
        self.defaults = defaults
        self.closure = closure
        self.name = code.name
        self.qualname = code.qualname
        self.doc = code.doc.map { Value.str($0) } ?? .none
        super.init(cls: T.function)
        attrs = AttrTable()
    }
}

/// `obj.method` for a function found on the class.
final class PyBoundMethod: PyObject {
    let receiver: Value
    let function: Value
    init(_ receiver: Value, _ function: Value) {
        self.receiver = receiver
        self.function = function
        super.init(cls: T.method)
    }
}

/// A function implemented in Swift. Its parameters are declared with the same
/// `Signature` as a `def`, so binding and error messages are shared.
final class PyBuiltin: PyObject {
    let name: String
    let signature: Signature
    let defaults: [Value?]
    let impl: (Interpreter, [Value]) throws -> Value
    /// Set for a method bound to its receiver (`"a b".split`).
    let receiver: Value?
    let doc: String?
    /// An entry point taking the arguments directly, for hot builtins (`len`, `list.append`,
    /// `dict.get`): call sites with that many positional arguments skip the argument array.
    /// It must behave exactly as `impl` with those arguments.
    @exclusivity(unchecked) var fast: FastBuiltin?

    init(name: String, signature: Signature, defaults: [Value?], receiver: Value? = nil, doc: String? = nil,
         impl: @escaping (Interpreter, [Value]) throws -> Value) {
        self.name = name
        self.signature = signature
        self.defaults = defaults
        self.impl = impl
        self.receiver = receiver
        self.doc = doc
        super.init(cls: receiver == nil ? T.builtinFunction : T.builtinMethod)
    }

    /// `fast` when it takes `count` arguments and the builtin is not bound to a receiver.
    @inline(__always) func fast(_ count: Int) -> FastBuiltin? {
        guard let f = fast, receiver == nil, f.count == count else { return nil }
        return f
    }

    func bound(to receiver: Value) -> PyBuiltin {
        PyBuiltin(name: name, signature: signature, defaults: defaults, receiver: receiver, doc: doc, impl: impl)
    }
}

/// A builtin's direct entry point by argument count (a method's receiver counts as one).
enum FastBuiltin {
    case one((Interpreter, Value) throws -> Value)
    case two((Interpreter, Value, Value) throws -> Value)
    case three((Interpreter, Value, Value, Value) throws -> Value)

    var count: Int {
        switch self {
        case .one: return 1
        case .two: return 2
        case .three: return 3
        }
    }
}

/// A module's global names. Each name has a cell that lives as long as the namespace
/// (deleting the name empties it), so compiled code resolves a global once per site
/// (`GlobalSite`) and then reads and writes the cell without hashing the name.
final class Namespace {
    @exclusivity(unchecked) private var cells: [String: GlobalCell] = [:]
    /// Distinguishes namespaces for `GlobalSite` (an address could be reused).
    let id: Int
    @exclusivity(unchecked) nonisolated(unsafe) private static var nextID = 0

    init(_ values: [String: Value] = [:]) {
        Namespace.nextID += 1
        id = Namespace.nextID
        for (k, v) in values { cells[k] = GlobalCell(v) }
    }

    subscript(name: String) -> Value? {
        get { cells[name]?.value }
        set {
            if let c = cells[name] { c.value = newValue } else if let v = newValue { cells[name] = GlobalCell(v) }
        }
    }

    /// The cell of `name`, created empty when the name is not bound yet.
    func cell(_ name: String) -> GlobalCell {
        if let c = cells[name] { return c }
        let c = GlobalCell(nil)
        cells[name] = c
        return c
    }

    /// Unbinds `name`, returning its value (nil: it was not bound).
    @discardableResult func removeValue(forKey name: String) -> Value? {
        guard let c = cells[name], let v = c.value else { return nil }
        c.value = nil
        return v
    }

    /// A snapshot of the bound names, as a dictionary. Assigning one rebinds every name
    /// (for code that edits namespaces wholesale; hot paths use the subscript).
    var values: [String: Value] {
        get { cells.compactMapValues { $0.value } }
        set {
            for (k, c) in cells where newValue[k] == nil { c.value = nil }
            for (k, v) in newValue { self[k] = v }
        }
    }
}

/// One global name's binding (nil: unbound).
final class GlobalCell {
    @exclusivity(unchecked) var value: Value?
    init(_ value: Value?) { self.value = value }
}

public final class PyModule: PyObject {
    let name: String
    let namespace: Namespace
    init(name: String, namespace: Namespace = Namespace()) {
        self.name = name
        self.namespace = namespace
        super.init(cls: T.module)
        namespace["__name__"] = .str(name)
    }
}

final class PyProperty: PyObject {
    var getter: Value, setter: Value, deleter: Value
    var doc: Value
    init(getter: Value, setter: Value = .none, deleter: Value = .none, doc: Value = .none) {
        self.getter = getter
        self.setter = setter
        self.deleter = deleter
        self.doc = doc
        super.init(cls: T.property)
    }
}

final class PyStaticMethod: PyObject {
    let function: Value
    init(_ function: Value) {
        self.function = function
        super.init(cls: T.staticmethod)
    }
}

final class PyClassMethod: PyObject {
    let function: Value
    init(_ function: Value) {
        self.function = function
        super.init(cls: T.classmethod)
    }
}

/// `super()` / `super(C, obj)`: attribute lookup starting after `start` in `obj`'s MRO.
final class PySuper: PyObject {
    let start: PyClass
    let receiver: Value
    init(start: PyClass, receiver: Value) {
        self.start = start
        self.receiver = receiver
        super.init(cls: T.superType)
    }
}

/// Singletons without state: `NotImplemented`, `Ellipsis`.
final class PySingleton: PyObject {
    let name: String
    init(name: String, cls: PyClass) {
        self.name = name
        super.init(cls: cls)
    }
}

/// A plain instance of a user class (no builtin base with storage).
final class PyInstance: PyObject {
    init(_ cls: PyClass) {
        super.init(cls: cls)
        attrs = AttrTable()
    }
}
