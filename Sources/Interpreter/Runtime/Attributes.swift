/// Attribute access (`obj.name`) with Python's lookup order: data descriptors
/// (properties) on the type, then the instance dict, then the type's methods (bound),
/// then `__getattr__`.
extension Interpreter {
    func getAttr(_ v: Value, _ name: String) throws -> Value {
        if let r = try lookupAttr(v, name) { return r }
        if case .object(let o) = v, o.cls.isUserDefined, let ga = o.cls.lookupUser("__getattr__") {
            return try call(ga, [v, .str(name)])
        }
        throw attributeError(v, name)
    }

    func attributeError(_ v: Value, _ name: String) -> PyError {
        if case .object(let o) = v {
            if let m = o as? PyModule { return .attributeError("module '\(m.name)' has no attribute '\(name)'") }
            if let c = o as? PyClass { return .attributeError("type object '\(c.name)' has no attribute '\(name)'") }
        }
        return .attributeError("'\(typeName(v))' object has no attribute '\(name)'")
    }

    /// The attribute or nil when absent (no `__getattr__` fallback).
    func lookupAttr(_ v: Value, _ name: String) throws -> Value? {
        let type = typeOf(v)
        if case .object(let o) = v {
            if let c = o as? PyClass { return try classAttr(c, name) }
            if let m = o as? PyModule {
                if let r = m.namespace[name] { return r }
                if name == "__dict__" { return .object(namespaceDict(m.namespace)) }
                return nil
            }
            if let s = o as? PySuper { return try superAttr(s, name) }
        }
        let descriptor = type.lookup(name)
        if case .object(let d)? = descriptor, let p = d as? PyProperty {
            if p.getter.isNone { throw PyError.attributeError("property '\(name)' of '\(type.name)' object has no getter") }
            return try call(p.getter, [v])
        }
        if case .object(let o) = v, let r = o.attrs?[name] { return r }
        if let d = descriptor { return bindDescriptor(d, to: v, type: type) }
        return try specialAttr(v, name)
    }

    func bindDescriptor(_ d: Value, to v: Value, type: PyClass) -> Value {
        guard case .object(let o) = d else { return d }
        switch o {
        case is PyFunction: return .object(PyBoundMethod(v, d))
        case let b as PyBuiltin: return b.receiver == nil ? .object(b.bound(to: v)) : d
        case let s as PyStaticMethod: return s.function
        case let c as PyClassMethod: return .object(PyBoundMethod(.object(type), c.function))
        default: return d
        }
    }

    private func classAttr(_ c: PyClass, _ name: String) throws -> Value? {
        if let d = c.lookup(name) {
            if case .object(let o) = d {
                if let s = o as? PyStaticMethod { return s.function }
                if let cm = o as? PyClassMethod { return .object(PyBoundMethod(.object(c), cm.function)) }
            }
            return d
        }
        switch name {
        case "__name__": return .str(c.name)
        case "__qualname__": return .str(c.qualname)
        case "__module__": return .str(c.module)
        case "__bases__": return .object(PyTuple(c.bases.map { .object($0) }))
        case "__mro__": return .object(PyTuple(c.mro.map { .object($0) }))
        case "__doc__": return c.dict["__doc__"] ?? Value.none
        case "__dict__":
            let d = PyDict()
            for k in c.attributeOrder { if let v = c.dict[k] { d.setString(k, v) } }
            for (k, v) in c.dict.sorted(by: { $0.key < $1.key }) where !c.attributeOrder.contains(k) { d.setString(k, v) }
            return .object(d)
        case "__class__": return .object(c.cls)
        case "mro": return .object(PyBuiltin(name: "mro", signature: Signature.parse("mro", "").0, defaults: []) { _, _ in
            .object(PyList(c.mro.map { .object($0) }))
        })
        case "__subclasses__": return nil
        default: return nil
        }
    }

    private func superAttr(_ s: PySuper, _ name: String) throws -> Value? {
        let type = typeOf(s.receiver)
        let mroOwner: PyClass
        if case .object(let o) = s.receiver, let c = o as? PyClass, c.isSubclass(of: s.start) { mroOwner = c } else { mroOwner = type }
        guard let idx = mroOwner.mro.firstIndex(where: { $0 === s.start }) else { return nil }
        for c in mroOwner.mro[(idx + 1)...] {
            if let d = c.dict[name] {
                if case .object(let o) = d, let p = o as? PyProperty { return try call(p.getter, [s.receiver]) }
                if case .object(let o) = s.receiver, o is PyClass {
                    if case .object(let dobj) = d, let cm = dobj as? PyClassMethod { return .object(PyBoundMethod(s.receiver, cm.function)) }
                    if case .object(let dobj) = d, let sm = dobj as? PyStaticMethod { return sm.function }
                    if case .object(let dobj) = d, dobj is PyBuiltin, name == "__new__" { return d }
                    return d
                }
                return bindDescriptor(d, to: s.receiver, type: type)
            }
        }
        return nil
    }

    /// Attributes every value of a builtin kind has (`__class__`, function `__name__`, ...).
    private func specialAttr(_ v: Value, _ name: String) throws -> Value? {
        if name == "__class__" { return .object(typeOf(v)) }
        guard case .object(let o) = v else {
            if name == "real", Arith.isIntLike(v) || { if case .float = v { return true }; return false }() { return v }
            if name == "imag" { if case .float = v { return .float(0) }; return .int(0) }
            return nil
        }
        switch o {
        case let f as PyFunction:
            switch name {
            case "__name__": return .str(f.name)
            case "__qualname__": return .str(f.qualname)
            case "__doc__": return f.doc
            case "__module__": return f.globals["__name__"] ?? Value.none
            case "__dict__": return .object(attrsDict(o))
            case "__defaults__":
                let d = f.defaults.prefix(f.code.signature.positionalCount).compactMap { $0 }
                return d.isEmpty ? Value.none : .object(PyTuple(d))
            case "__wrapped__": return nil
            default: return nil
            }
        case let b as PyBuiltin:
            switch name {
            case "__name__", "__qualname__": return .str(b.name)
            case "__doc__": return b.doc.map { .str($0) } ?? Value.none
            case "__self__": return b.receiver
            default: return nil
            }
        case let m as PyBoundMethod:
            switch name {
            case "__self__": return m.receiver
            case "__func__": return m.function
            default: return try lookupAttr(m.function, name)
            }
        case let e as PyException:
            switch name {
            case "args": return .object(PyTuple(e.args))
            case "__cause__": return e.cause.map { .object($0) } ?? Value.none
            case "__context__": return e.context.map { .object($0) } ?? Value.none
            case "__traceback__": return Value.none
            case "__suppress_context__": return .bool(e.suppressContext)
            case "code" where e.cls.isSubclass(of: T.systemExit): return e.args.first ?? Value.none
            case "value" where e.cls.isSubclass(of: T.stopIteration): return e.args.first ?? Value.none
            case "errno" where e.cls.isSubclass(of: T.osError): return e.args.first ?? Value.none
            case "strerror" where e.cls.isSubclass(of: T.osError): return e.args.count > 1 ? e.args[1] : .none
            case "filename" where e.cls.isSubclass(of: T.osError): return e.args.count > 2 ? e.args[2] : .none
            default: return nil
            }
        case let p as PyProperty:
            switch name {
            case "fget": return p.getter
            case "fset": return p.setter
            case "__doc__": return p.doc
            default: return nil
            }
        case let s as PySlice:
            switch name {
            case "start": return s.lower
            case "stop": return s.upper
            case "step": return s.step
            default: return nil
            }
        case let r as PyRange:
            switch name {
            case "start": return .int(r.start)
            case "stop": return .int(r.stop)
            case "step": return .int(r.step)
            default: return nil
            }
        case let n as NativeObject:
            return try n.getAttribute(self, name)
        default:
            if name == "__dict__", o.attrs != nil { return .object(attrsDict(o)) }
            if name == "__doc__" { return typeOf(v).lookup("__doc__") ?? Value.none }
            if name == "__name__", let g = o as? PyGenerator { return .str(g.name) }
            return nil
        }
    }

    func attrsDict(_ o: PyObject) -> PyDict {
        let d = PyDict()
        for (k, v) in o.attrsInOrder { d.setString(k, v) }
        d.attributeOwner = o
        return d
    }

    func namespaceDict(_ ns: Namespace) -> PyDict {
        let d = PyDict()
        for (k, v) in ns.values.sorted(by: { $0.key < $1.key }) { d.setString(k, v) }
        return d
    }

    func setAttr(_ target: Value, _ name: String, _ value: Value) throws {
        guard case .object(let o) = target else {
            throw PyError.attributeError("'\(typeName(target))' object has no attribute '\(name)'")
        }
        if let c = o as? PyClass {
            if c.isBuiltin { throw PyError.typeError("cannot set '\(name)' attribute of immutable type '\(c.name)'") }
            c.dict[name] = value
            return
        }
        if let m = o as? PyModule {
            m.namespace[name] = value
            return
        }
        if o.cls.isUserDefined {
            if o.cls.hasCustomSetattr, let sa = o.cls.lookupUser("__setattr__") {
                _ = try call(sa, [target, .str(name), value])
                return
            }
            if case .object(let d)? = o.cls.lookup(name), let p = d as? PyProperty {
                if p.setter.isNone { throw PyError.attributeError("property '\(name)' of '\(o.cls.name)' object has no setter") }
                _ = try call(p.setter, [target, value])
                return
            }
        }
        if let n = o as? NativeObject {
            // A native property with a setter is a data descriptor: it wins over `setAttribute`.
            if case .object(let d)? = o.cls.lookup(name), let p = d as? PyProperty, !p.setter.isNone {
                _ = try call(p.setter, [target, value])
                return
            }
            try n.setAttribute(self, name, value)
            return
        }
        if let e = o as? PyException, name == "args" {
            e.args = try iterate(value)
            return
        }
        if let e = o as? PyException, name == "__cause__" {
            e.cause = value.asObject as? PyException
            e.suppressContext = true
            return
        }
        if let f = o as? PyFunction {
            switch name {
            case "__name__": f.name = try toStr(value); return
            case "__qualname__": f.qualname = try toStr(value); return
            case "__doc__": f.doc = value; return
            default: break
            }
        }
        guard o.attrs != nil else {
            throw PyError.attributeError("'\(o.typeName)' object has no attribute '\(name)'")
        }
        o.setAttrValue(name, value)
    }

    /// `object.__setattr__` (used by user `__setattr__` through `super()`).
    func genericSetAttr(_ o: PyObject, _ name: String, _ value: Value) throws {
        if case .object(let d)? = o.cls.lookup(name), let p = d as? PyProperty {
            if p.setter.isNone { throw PyError.attributeError("property '\(name)' of '\(o.cls.name)' object has no setter") }
            _ = try call(p.setter, [.object(o), value])
            return
        }
        guard o.attrs != nil else { throw PyError.attributeError("'\(o.typeName)' object has no attribute '\(name)'") }
        o.setAttrValue(name, value)
    }

    func delAttr(_ target: Value, _ name: String) throws {
        guard case .object(let o) = target else { throw attributeError(target, name) }
        if let c = o as? PyClass, !c.isBuiltin {
            guard c.dict.removeValue(forKey: name) != nil else { throw attributeError(target, name) }
            return
        }
        if let m = o as? PyModule {
            guard m.namespace.removeValue(forKey: name) != nil else { throw attributeError(target, name) }
            return
        }
        if o.cls.isUserDefined, let da = o.cls.lookupUser("__delattr__") {
            _ = try call(da, [target, .str(name)])
            return
        }
        if case .object(let d)? = o.cls.lookup(name), let p = d as? PyProperty, !p.deleter.isNone {
            _ = try call(p.deleter, [target])
            return
        }
        guard o.removeAttrValue(name) else { throw attributeError(target, name) }
    }
}

/// An instance `__dict__`: names in insertion order (what `vars()` and reprs show).
/// Instances rarely have more than a handful of attributes, so names are found by a
/// linear scan (short strings compare as two machine words) instead of hashing.
struct AttrTable {
    private(set) var names: [String] = []
    private(set) var slots: [Value] = []

    @inline(__always) private func index(_ name: String) -> Int? {
        // Comparing UTF-8 lengths first (O(1)) skips most full comparisons of different names.
        let length = name.utf8.count
        for i in 0..<names.count where names[i].utf8.count == length && names[i] == name { return i }
        return nil
    }

    subscript(name: String) -> Value? {
        get {
            guard let i = index(name) else { return nil }
            return slots[i]
        }
        set {
            if let v = newValue {
                if let i = index(name) { slots[i] = v } else {
                    names.append(name)
                    slots.append(v)
                }
            } else if let i = index(name) {
                names.remove(at: i)
                slots.remove(at: i)
            }
        }
    }

    var values: [String: Value] { Dictionary(zip(names, slots), uniquingKeysWith: { a, _ in a }) }
    var ordered: [(String, Value)] { Array(zip(names, slots)) }
}

extension PyObject {
    var attrsInOrder: [(String, Value)] { attrs?.ordered ?? [] }

    func setAttrValue(_ name: String, _ value: Value) {
        if attrs == nil { attrs = AttrTable() }
        attrs![name] = value
    }

    func removeAttrValue(_ name: String) -> Bool {
        guard attrs?[name] != nil else { return false }
        attrs![name] = nil
        return true
    }
}
