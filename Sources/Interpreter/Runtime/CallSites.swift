/// Inline caches: one small object per attribute load, attribute store or method call in
/// the compiled code, remembering what the last receiver's class resolved the name to.
///
/// A cache entry is valid while the receiver has the same class and no user class has
/// changed since it was filled (`PyClass.userClassVersion` is bumped by every change to
/// a user class's namespace: rebinding or deleting a method, adding `__setattr__`, a
/// property, ...; builtin classes never change after setup). The instance `__dict__`
/// is still consulted on every use, so an instance attribute that shadows a method, or
/// one added or deleted later, is always seen. Anything unusual (classes, modules,
/// `super` objects, metaclass instances, data descriptors on stores, a user
/// `__setattr__`) is left to the generic paths in `Attributes.swift`.
final class AttributeSite {
    let name: String
    /// Two entries, most recently filled first: a site often sees two classes (a method of
    /// a base class running for instances of the base and of a subclass).
    @exclusivity(unchecked) private var first = AttributeEntry()
    @exclusivity(unchecked) private var second = AttributeEntry()
    /// Store entry: instances of `storeClass` take `name` straight into their `__dict__`.
    @exclusivity(unchecked) private var storeClass: PyClass?
    @exclusivity(unchecked) private var storeVersion = -1
    @exclusivity(unchecked) private var otherStoreClass: PyClass?
    @exclusivity(unchecked) private var otherStoreVersion = -1

    init(_ name: String) { self.name = name }

    /// The entry describing `o`'s class; nil when `o` needs the generic path.
    @inline(__always) func entry(_ o: PyObject) -> AttributeEntry? {
        if first.matches(o) { return first }
        if second.matches(o) { return second }
        return fill(o)
    }

    private func fill(_ o: PyObject) -> AttributeEntry? {
        guard let c = o.cls, Self.isOrdinaryInstance(o) else { return nil }
        let e = second
        second = first
        first = e
        e.fill(c, name)
        return e
    }

    /// Not a class, module or `super` object (their attributes follow other rules), and not
    /// of a class whose instances might be (a metaclass).
    private static func isOrdinaryInstance(_ o: PyObject) -> Bool {
        if o is PyClass || o is PyModule || o is PySuper { return false }
        let c: PyClass = o.cls
        return !(c.isSubclass(of: T.type) || c.isSubclass(of: T.module) || c.isSubclass(of: T.superType))
    }

    /// `obj.name`: the same answer as `Interpreter.getAttr`.
    @inline(__always) func load(_ rt: Interpreter, _ v: Value) throws -> Value {
        if case .object(let o) = v, let e = entry(o) {
            if let p = e.property {
                if !p.getter.isNone { return try rt.call(p.getter, [v]) }
            } else {
                if let r = o.attrs?[name] { return r }
                if let d = e.descriptor { return rt.bindDescriptor(d, to: v, type: o.cls) }
            }
        }
        return try rt.getAttr(v, name)
    }

    /// `obj.name = value`: the same effect as `Interpreter.setAttr`.
    @inline(__always) func store(_ rt: Interpreter, _ target: Value, _ value: Value) throws {
        if case .object(let o) = target {
            if (o.cls === storeClass && storeVersion == PyClass.userClassVersion)
                || (o.cls === otherStoreClass && otherStoreVersion == PyClass.userClassVersion) {
                o.setAttrValue(name, value)
                return
            }
            fillStore(o)
        }
        try rt.setAttr(target, name, value)
    }

    /// Plain user-class instances whose class has no `__setattr__` and no property `name`
    /// (a property is a data descriptor: its setter runs instead).
    private func fillStore(_ o: PyObject) {
        guard o is PyInstance, o.attrs != nil, let c = o.cls, !c.isBuiltin, !c.hasCustomSetattr else { return }
        if case .object(let d)? = c.lookup(name), d is PyProperty { return }
        otherStoreClass = storeClass
        otherStoreVersion = storeVersion
        storeClass = c
        storeVersion = PyClass.userClassVersion
    }

    /// The function to call for `obj.name(...)` when it is a plain method of `o`'s class not
    /// shadowed by the instance `__dict__`.
    @inline(__always) func method(_ o: PyObject) -> PyFunction? {
        guard let e = entry(o), let fn = e.function else { return nil }
        if o.attrs?[name] != nil { return nil }
        return fn
    }

    /// The same for a builtin method (`list.append`, `dict.get`, ...).
    @inline(__always) func builtinMethod(_ o: PyObject) -> PyBuiltin? {
        guard let e = entry(o), let b = e.builtin else { return nil }
        if o.attrs?[name] != nil { return nil }
        return b
    }
}

/// What one class resolves an attribute name to, valid while `matches` says so.
final class AttributeEntry {
    /// Strong: a freed class's address could be reused by another class.
    @exclusivity(unchecked) private var cls: PyClass?
    @exclusivity(unchecked) private var version = -1
    @exclusivity(unchecked) private var classIsBuiltin = false
    /// What the class's MRO has under the name (nil: nothing).
    @exclusivity(unchecked) private(set) var descriptor: Value?
    @exclusivity(unchecked) private(set) var property: PyProperty?
    @exclusivity(unchecked) private(set) var function: PyFunction?
    @exclusivity(unchecked) private(set) var builtin: PyBuiltin?

    @inline(__always) func matches(_ o: PyObject) -> Bool {
        o.cls === cls && (classIsBuiltin || version == PyClass.userClassVersion)
    }

    func fill(_ c: PyClass, _ name: String) {
        let d = c.lookup(name)
        descriptor = d
        property = nil
        function = nil
        builtin = nil
        if case .object(let dobj)? = d {
            if let p = dobj as? PyProperty { property = p }
            else if let fn = dobj as? PyFunction { function = fn }
            else if let b = dobj as? PyBuiltin, b.receiver == nil { builtin = b }
        }
        cls = c
        classIsBuiltin = c.isBuiltin
        version = PyClass.userClassVersion
    }
}

/// `super().name(...)` in a method of `owner`: the function found after `owner` in the
/// receiver's MRO, cached per receiver class.
final class SuperSite {
    let name: String
    @exclusivity(unchecked) private var cls: PyClass?
    @exclusivity(unchecked) private var owner: PyClass?
    @exclusivity(unchecked) private var version = -1
    @exclusivity(unchecked) private var function: PyFunction?

    init(_ name: String) { self.name = name }

    @inline(__always) func method(_ owner: PyClass, _ receiver: PyObject) -> PyFunction? {
        if receiver.cls === cls && owner === self.owner && version == PyClass.userClassVersion { return function }
        return fill(owner, receiver)
    }

    private func fill(_ owner: PyClass, _ receiver: PyObject) -> PyFunction? {
        function = nil
        cls = receiver.cls
        self.owner = owner
        version = PyClass.userClassVersion
        guard !(receiver is PyClass), let type = receiver.cls, let idx = type.mro.firstIndex(where: { $0 === owner }) else {
            return nil
        }
        for c in type.mro[(idx + 1)...] {
            guard let d = c.dict[name] else { continue }
            if case .object(let dobj) = d, let fn = dobj as? PyFunction { function = fn }
            break
        }
        return function
    }
}

/// A module-level name read or written by compiled code: the namespace cells it resolved
/// to, kept while the code runs against the same globals and builtins.
final class GlobalSite {
    let name: String
    @exclusivity(unchecked) private var globalsID = -1
    @exclusivity(unchecked) private var builtinsID = -1
    @exclusivity(unchecked) private var global: GlobalCell?
    @exclusivity(unchecked) private var builtin: GlobalCell?

    init(_ name: String) { self.name = name }

    @inline(__always) func cell(_ globals: Namespace) -> GlobalCell {
        if globals.id == globalsID, let g = global { return g }
        let g = globals.cell(name)
        global = g
        globalsID = globals.id
        return g
    }

    /// The value: the module's binding, else the builtin one; nil when neither exists.
    @inline(__always) func load(_ f: Frame) -> Value? {
        if let v = cell(f.globals).value { return v }
        let builtins = f.rt.builtins
        if builtins.id != builtinsID || builtin == nil {
            builtin = builtins.cell(name)
            builtinsID = builtins.id
        }
        return builtin?.value
    }
}
