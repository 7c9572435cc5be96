/// `typing`: every common name importable; subscripting (`List[int]`) works and the
/// result is accepted by `isinstance` against its origin class. Annotations are not checked.
final class TypingAlias: NativeObject {
    let name: String
    let origin: PyClass?
    let args: [Value]

    static let pyClass = NativeClass<TypingAlias>("_GenericAlias", module: "typing").pyClass

    init(_ name: String, origin: PyClass?, args: [Value] = []) {
        self.name = name
        self.origin = origin
        self.args = args
        super.init(cls: TypingAlias.pyClass)
    }

    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        var items: [Value] = [key]
        if case .object(let o) = key, let t = o as? PyTuple { items = t.items }
        return .object(TypingAlias(name, origin: origin, args: items))
    }

    override func repr(_ rt: Interpreter) throws -> String {
        if args.isEmpty { return "typing.\(name)" }
        let inner = try args.map { v -> String in
            if case .object(let o) = v, let c = o as? PyClass { return c.name }
            if case .none = v { return "None" }
            return try rt.repr(v)
        }.joined(separator: ", ")
        return "typing.\(name)[\(inner)]"
    }

    func matches(_ rt: Interpreter, _ c: PyClass) throws -> Bool {
        if let o = origin { return c.isSubclass(of: o) }
        if name == "Union" || name == "Optional" {
            for a in args {
                if a.isNone, c === T.noneType { return true }
                if case .object(let o) = a, let k = o as? PyClass, c.isSubclass(of: k) { return true }
                if case .object(let o) = a, let t = o as? TypingAlias, try t.matches(rt, c) { return true }
            }
            return name == "Optional" && c === T.noneType
        }
        if name == "Any" { return true }
        throw PyError.typeError("Subscripted generics cannot be used with class and instance checks")
    }

    override func getAttribute(_ rt: Interpreter, _ name: String) throws -> Value? {
        switch name {
        case "__origin__": return origin.map { .object($0) } ?? Value.none
        case "__args__": return .object(PyTuple(args))
        default: return nil
        }
    }
}

enum TypingModule: NativeModule {
    static let name = "typing"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        let origins: [(String, PyClass?)] = [
            ("List", T.list), ("Dict", T.dict), ("Set", T.set), ("FrozenSet", T.frozenset), ("Tuple", T.tuple),
            ("Type", T.type), ("Optional", nil), ("Union", nil), ("Any", nil), ("Callable", nil), ("Iterable", nil),
            ("Iterator", nil), ("Generator", nil), ("Sequence", nil), ("Mapping", nil), ("MutableMapping", nil),
            ("MutableSequence", nil), ("Literal", nil), ("ClassVar", nil), ("Final", nil), ("Annotated", nil),
            ("Hashable", nil), ("Sized", nil), ("Collection", nil), ("AbstractSet", nil), ("DefaultDict", T.dict),
            ("OrderedDict", T.dict), ("Counter", T.dict), ("Deque", T.list), ("NoReturn", nil), ("Awaitable", nil),
            ("SupportsInt", nil), ("SupportsFloat", nil), ("Text", T.str), ("Pattern", nil), ("Match", nil),
            ("IO", nil), ("TextIO", nil), ("BinaryIO", nil), ("Self", nil), ("Never", nil),
        ]
        for (n, o) in origins { m.value(n, .object(TypingAlias(n, origin: o))) }
        m.value("TYPE_CHECKING", .bool(false))
        m.function("TypeVar", "name, *constraints, bound=None, covariant=False, contravariant=False") { _, a in
            .object(TypingAlias((try? Interpreter.current?.toStr(a[0])) ?? "T", origin: nil))
        }
        m.function("NewType", "name, tp") { _, a in a[1] }
        m.function("cast", "typ, val") { _, a in a[1] }
        m.function("overload", "func") { _, a in a[0] }
        m.function("final", "f") { _, a in a[0] }
        m.function("no_type_check", "f") { _, a in a[0] }
        m.function("runtime_checkable", "cls") { _, a in a[0] }
        m.function("get_type_hints", "obj") { _, _ in .object(PyDict()) }
        m.value("Generic", .object(genericClass))
        m.value("Protocol", .object(protocolClass))
        m.function("TypedDict", "typename, fields=None, **kwargs") { _, _ in .object(T.dict) }
        return m.module
    }

    /// `class Box(Generic[T])`: a base class whose subscription returns itself.
    static let genericClass: PyClass = {
        let c = PyClass(name: "Generic", bases: [T.object], isBuiltin: true, module: "typing")
        c.cls = T.type
        c.dict["__class_getitem__"] = .object(PyClassMethod(.object(makeBuiltin("__class_getitem__", "cls, params") { _, a in a[0] })))
        return c
    }()

    static let protocolClass: PyClass = {
        let c = PyClass(name: "Protocol", bases: [T.object], isBuiltin: true, module: "typing")
        c.cls = T.type
        c.dict["__class_getitem__"] = .object(PyClassMethod(.object(makeBuiltin("__class_getitem__", "cls, params") { _, a in a[0] })))
        return c
    }()
}
