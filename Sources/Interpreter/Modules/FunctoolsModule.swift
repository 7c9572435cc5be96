/// `functools`: `partial` and `reduce` in Swift; `wraps`, `lru_cache`, `cache`,
/// `total_ordering` and `cmp_to_key` in Python (`EmbeddedModules.extensions`).
final class PyPartial: NativeObject {
    let function: Value
    let args: [Value]
    let keywords: [(String, Value)]

    static let pyClass = NativeClass<PyPartial>("partial", module: "functools")
        .constructor("func, /, *args, **keywords") { rt, a in
            guard case .object(let t) = a[1], let args = t as? PyTuple, case .object(let k) = a[2], let kw = k as? PyDict else {
                throw PyError.typeError("partial() needs a callable")
            }
            var fn = a[0], allArgs = args.items
            var keywords = try kw.table.entries.map { (try rt.toStr($0.key), $0.value) }
            if case .object(let o) = fn, let inner = o as? PyPartial {
                fn = inner.function
                allArgs = inner.args + allArgs
                keywords = inner.keywords.filter { k in !keywords.contains { $0.0 == k.0 } } + keywords
            }
            return PyPartial(fn, allArgs, keywords)
        }
        .property("func") { _, this in this.function }
        .property("args") { _, this in .object(PyTuple(this.args)) }
        .property("keywords") { _, this in
            let d = PyDict()
            for (k, v) in this.keywords { d.setString(k, v) }
            return .object(d)
        }
        .method("__call__", "*args, **kwargs") { rt, this, a in
            guard case .object(let t) = a[0], let args = t as? PyTuple, case .object(let k) = a[1], let kw = k as? PyDict else { return .none }
            var keywords = this.keywords
            for (key, v) in kw.table.entries {
                let name = try rt.toStr(key)
                keywords.removeAll { $0.0 == name }
                keywords.append((name, v))
            }
            return try rt.call(this.function, this.args + args.items, keywords)
        }
        .pyClass

    init(_ function: Value, _ args: [Value], _ keywords: [(String, Value)]) {
        self.function = function
        self.args = args
        self.keywords = keywords
        super.init(cls: PyPartial.pyClass)
        attrs = AttrTable()
    }

    override func repr(_ rt: Interpreter) throws -> String {
        var parts = [try rt.repr(function)]
        parts += try args.map { try rt.repr($0) }
        parts += try keywords.map { "\($0.0)=\(try rt.repr($0.1))" }
        return "functools.partial(" + parts.joined(separator: ", ") + ")"
    }
}

enum FunctoolsModule: NativeModule {
    static let name = "functools"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        m.add(PyPartial.pyClass)
        m.function("reduce", "function, iterable, initial=<missing>, /") { rt, a in
            let it = try rt.getIterator(a[1])
            var acc: Value
            if case .object(let o) = a[2], o === Missing.value {
                guard let first = try it() else { throw PyError.typeError("reduce() of empty iterable with no initial value") }
                acc = first
            } else {
                acc = a[2]
            }
            while let x = try it() { acc = try rt.call(a[0], [acc, x]) }
            return acc
        }
        return m.module
    }
}

