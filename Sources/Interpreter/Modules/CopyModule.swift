/// `copy.copy` / `copy.deepcopy` for builtin containers and instances (with `__copy__`,
/// `__deepcopy__` hooks and a memo so shared and cyclic references stay shared).
enum CopyModule: NativeModule {
    static let name = "copy"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        m.function("copy", "x") { rt, a in try rt.shallowCopy(a[0]) }
        m.function("deepcopy", "x, memo=None") { rt, a in
            var memo: [ObjectIdentifier: Value] = [:]
            return try rt.deepCopy(a[0], &memo)
        }
        m.value("Error", .object(T.exception))
        return m.module
    }
}

extension Interpreter {
    func shallowCopy(_ v: Value) throws -> Value {
        guard case .object(let o) = v else { return v }
        if o.cls.isUserDefined, let m = o.cls.lookupUser("__copy__") { return try call(m, [v]) }
        switch o {
        case let l as PyList where !o.cls.isUserDefined: return .object(PyList(l.items))
        case let d as PyDict where !o.cls.isUserDefined:
            let c = PyDict()
            c.table = d.table
            return .object(c)
        case let s as PySet where !s.isFrozen: return .object(try copySet(s))
        case is PyStr, is PyTuple, is PyBigInt, is PyFunction, is PyClass, is PyModule, is PyBuiltin, is PySet:
            return v
        default:
            return try copyInstance(o) { $0 }
        }
    }

    /// A new instance of the same class sharing (or transforming) the attribute values.
    private func copyInstance(_ o: PyObject, _ transform: (Value) throws -> Value) throws -> Value {
        let c = o.cls!
        let inst = (c.factory ?? { PyInstance($0) })(c)
        switch (o, inst) {
        case let (src as PyList, dst as PyList): dst.items = try src.items.map(transform)
        case let (src as PyDict, dst as PyDict):
            for (k, val) in src.table.entries { dst.set(try hashKey(k), try transform(val)) }
        case let (src as PyException, dst as PyException): dst.args = src.args
        default: break
        }
        if o.attrs != nil {
            inst.attrs = AttrTable()
            for (k, val) in o.attrsInOrder { inst.setAttrValue(k, try transform(val)) }
        }
        return .object(inst)
    }

    func deepCopy(_ v: Value, _ memo: inout [ObjectIdentifier: Value]) throws -> Value {
        guard case .object(let o) = v else { return v }
        let id = ObjectIdentifier(o)
        if let done = memo[id] { return done }
        if o.cls.isUserDefined, let m = o.cls.lookupUser("__deepcopy__") {
            let r = try call(m, [v, .object(PyDict())])
            memo[id] = r
            return r
        }
        switch o {
        case is PyStr, is PyBigInt, is PyFunction, is PyClass, is PyModule, is PyBuiltin, is PyRange, is PyBytes:
            return v
        case let l as PyList where !o.cls.isUserDefined:
            let c = PyList()
            memo[id] = .object(c)
            for x in l.items { c.items.append(try deepCopy(x, &memo)) }
            return .object(c)
        case let t as PyTuple where !o.cls.isUserDefined:
            var items: [Value] = []
            for x in t.items { items.append(try deepCopy(x, &memo)) }
            let r = Value.object(PyTuple(items))
            memo[id] = r
            return r
        case let d as PyDict where !o.cls.isUserDefined:
            let c = PyDict()
            memo[id] = .object(c)
            for (k, x) in d.table.entries { c.set(try hashKey(deepCopy(k, &memo)), try deepCopy(x, &memo)) }
            return .object(c)
        case let s as PySet:
            let c = PySet(cls: s.cls)
            memo[id] = .object(c)
            for k in s.table.liveKeys { c.table.set(try hashKey(deepCopy(k, &memo)), .none) }
            return .object(c)
        default:
            var localMemo = memo
            let r = try copyInstance(o) { try self.deepCopy($0, &localMemo) }
            memo = localMemo
            memo[id] = r
            return r
        }
    }
}
