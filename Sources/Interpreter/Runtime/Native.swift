/// # Writing Python modules and classes in Swift
///
/// A native module is one file with a type conforming to `NativeModule`, listed in
/// `ModuleLoader.nativeModules`:
///
/// ```swift
/// enum GreetModule: NativeModule {
///     static let name = "greet"
///     static func makeModule(_ rt: Interpreter) throws -> PyModule {
///         let m = ModuleBuilder(name)
///         m.function("hello", "name, punctuation='!'") { rt, a in
///             .str("hello " + (try rt.toStr(a[0])) + (try rt.toStr(a[1])))
///         }
///         m.value("VERSION", .int(1))
///         m.add(Counter.pyClass)               // a native class
///         return m.module
///     }
/// }
/// ```
///
/// Arguments are declared with a Python parameter list (`"x, y=0, *args, key=None, **kw"`)
/// and bound by the same `Signature` binder as `def` functions, so callers get CPython's
/// `TypeError`s (`hello() missing 1 required positional argument: 'name'`). The closure
/// receives the bound values in declaration order (`*args` as a tuple, `**kw` as a dict).
///
/// A native class subclasses `NativeObject` and builds its `PyClass` once with
/// `NativeClass`, a few lines per method or property:
///
/// ```swift
/// final class Counter: NativeObject {
///     var n = 0
///     static let pyClass = NativeClass<Counter>("Counter", module: "greet")
///         .constructor("start=0") { rt, a in let c = Counter(); c.n = try rt.toInt(a[0]); return c }
///         .method("bump", "by=1") { rt, this, a in this.n += try rt.toInt(a[0]); return .none }
///         .property("value") { rt, this in .int(this.n) }
///         .pyClass
///     init() { super.init(cls: Counter.pyClass) }
///     override func repr(_ rt: Interpreter) throws -> String { "Counter(\(n))" }
/// }
/// ```
///
/// Override `getItem`, `setItem`, `length`, `iterator`, `truthy`, `equals`, `hash`,
/// `format`, `getAttribute`/`setAttribute` and `call` for the matching Python behaviour;
/// the defaults raise CPython's `TypeError`s.
open class NativeObject: PyObject {
    init(cls: PyClass) {
        super.init(cls: cls)
    }

    func repr(_ rt: Interpreter) throws -> String {
        "<\(cls.module).\(cls.name) object at \(rt.address(self))>"
    }

    /// `str(obj)` when it differs from the repr (matplotlib's `Figure(640x480)`); nil: the repr.
    func strValue(_ rt: Interpreter) throws -> String? { nil }

    /// Attributes not found as methods or properties on the class (dynamic fields).
    func getAttribute(_ rt: Interpreter, _ name: String) throws -> Value? { nil }

    /// Called for names that are not properties with a setter (those are called directly);
    /// the default refuses read-only properties with CPython's message.
    func setAttribute(_ rt: Interpreter, _ name: String, _ value: Value) throws {
        if case .object(let d)? = cls.lookup(name), d is PyProperty {
            throw PyError.attributeError("property '\(name)' of '\(typeName)' object has no setter")
        }
        if attrs == nil { throw PyError.attributeError("'\(typeName)' object has no attribute '\(name)'") }
        setAttrValue(name, value)
    }

    func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        throw PyError.typeError("'\(typeName)' object is not subscriptable")
    }

    func setItem(_ rt: Interpreter, _ key: Value, _ value: Value) throws {
        throw PyError.typeError("'\(typeName)' object does not support item assignment")
    }

    /// nil: the object has no `len()`.
    func length(_ rt: Interpreter) throws -> Int? { nil }

    func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        throw PyError.typeError("'\(typeName)' object is not iterable")
    }

    func truthy(_ rt: Interpreter) throws -> Bool {
        if let n = try length(rt) { return n > 0 }
        return true
    }

    /// nil: compare by identity.
    func equals(_ rt: Interpreter, _ other: Value) throws -> Bool? { nil }

    func hash(_ rt: Interpreter) throws -> Int { ObjectIdentifier(self).hashValue }

    /// nil: `format(obj, spec)` is unsupported for a non-empty spec.
    func format(_ rt: Interpreter, _ spec: String) throws -> String? { nil }
}

/// Builds the `PyClass` of a native class: constructor, methods, properties.
final class NativeClass<Object: NativeObject> {
    let pyClass: PyClass

    init(_ name: String, module: String, base: PyClass = T.object, doc: String? = nil) {
        pyClass = PyClass(name: name, bases: [base], isBuiltin: true, module: module)
        pyClass.cls = T.type
        if let doc = doc { pyClass.dict["__doc__"] = .str(doc) }
    }

    /// `ClassName(...)`: the closure builds the Swift object from the bound arguments.
    @discardableResult
    func constructor(_ parameters: String, _ body: @escaping (Interpreter, [Value]) throws -> Object) -> Self {
        let (sig, defaults) = Signature.parse(pyClass.name, "cls, " + parameters)
        pyClass.dict["__new__"] = .object(PyBuiltin(name: "__new__", signature: sig, defaults: defaults) { rt, args in
            .object(try body(rt, Array(args.dropFirst())))
        })
        return self
    }

    @discardableResult
    func method(_ name: String, _ parameters: String, doc: String? = nil,
                _ body: @escaping (Interpreter, Object, [Value]) throws -> Value) -> Self {
        let className = pyClass.name
        let (sig, defaults) = Signature.parse(name, parameters.isEmpty ? "self" : "self, " + parameters)
        pyClass.dict[name] = .object(PyBuiltin(name: name, signature: sig, defaults: defaults, doc: doc) { rt, args in
            guard case .object(let o) = args[0], let this = o as? Object else {
                throw PyError.typeError("descriptor '\(name)' requires a '\(className)' object but received a '\(typeName(args[0]))'")
            }
            return try body(rt, this, Array(args.dropFirst()))
        })
        return self
    }

    @discardableResult
    func property(_ name: String, _ getter: @escaping (Interpreter, Object) throws -> Value,
                  set setter: ((Interpreter, Object, Value) throws -> Void)? = nil) -> Self {
        let className = pyClass.name
        let get = PyBuiltin(name: name, signature: Signature.parse(name, "self").0, defaults: [nil]) { rt, args in
            guard case .object(let o) = args[0], let this = o as? Object else {
                throw PyError.typeError("'\(className).\(name)' needs a '\(className)' object")
            }
            return try getter(rt, this)
        }
        var set: Value = .none
        if let setter = setter {
            set = .object(PyBuiltin(name: name, signature: Signature.parse(name, "self, value").0, defaults: [nil, nil]) { rt, args in
                guard case .object(let o) = args[0], let this = o as? Object else {
                    throw PyError.typeError("'\(className).\(name)' needs a '\(className)' object")
                }
                try setter(rt, this, args[1])
                return .none
            })
        }
        pyClass.dict[name] = .object(PyProperty(getter: .object(get), setter: set))
        return self
    }

    @discardableResult
    func staticMethod(_ name: String, _ parameters: String, _ body: @escaping (Interpreter, [Value]) throws -> Value) -> Self {
        let (sig, defaults) = Signature.parse(name, parameters)
        pyClass.dict[name] = .object(PyStaticMethod(.object(PyBuiltin(name: name, signature: sig, defaults: defaults) { rt, args in
            try body(rt, args)
        })))
        return self
    }

    @discardableResult
    func classMethod(_ name: String, _ parameters: String, _ body: @escaping (Interpreter, PyClass, [Value]) throws -> Value) -> Self {
        let (sig, defaults) = Signature.parse(name, parameters.isEmpty ? "cls" : "cls, " + parameters)
        pyClass.dict[name] = .object(PyClassMethod(.object(PyBuiltin(name: name, signature: sig, defaults: defaults) { rt, args in
            guard case .object(let o) = args[0], let c = o as? PyClass else { throw PyError.typeError("\(name) needs a class") }
            return try body(rt, c, Array(args.dropFirst()))
        })))
        return self
    }

    @discardableResult
    func value(_ name: String, _ v: Value) -> Self {
        pyClass.dict[name] = v
        return self
    }
}

/// A Python module implemented in Swift.
protocol NativeModule {
    static var name: String { get }
    static func makeModule(_ rt: Interpreter) throws -> PyModule
}

/// Collects a native module's functions and values.
final class ModuleBuilder {
    let module: PyModule

    init(_ name: String, doc: String? = nil) {
        module = PyModule(name: name)
        module.namespace["__doc__"] = doc.map { .str($0) } ?? Value.none
    }

    @discardableResult
    func function(_ name: String, _ parameters: String, doc: String? = nil,
                  _ body: @escaping (Interpreter, [Value]) throws -> Value) -> Self {
        module.namespace[name] = .object(makeBuiltin(name, parameters, doc: doc, body))
        return self
    }

    @discardableResult
    func value(_ name: String, _ v: Value) -> Self {
        module.namespace[name] = v
        return self
    }

    @discardableResult
    func add(_ cls: PyClass) -> Self {
        module.namespace[cls.name] = .object(cls)
        return self
    }
}

/// A builtin function from a Python-style parameter list.
func makeBuiltin(_ name: String, _ parameters: String, doc: String? = nil,
                 _ body: @escaping (Interpreter, [Value]) throws -> Value) -> PyBuiltin {
    let (sig, defaults) = Signature.parse(name, parameters)
    return PyBuiltin(name: name, signature: sig, defaults: defaults, doc: doc) { rt, args in try body(rt, args) }
}
