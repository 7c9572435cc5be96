/// A Python class: builtin types (`int`, `list`, `ValueError`, native classes) and classes
/// defined by `class` statements share this one representation, so `isinstance`,
/// attribute lookup along the MRO and subclassing builtins need no special cases.
public final class PyClass: PyObject {
    public internal(set) var name: String
    var qualname: String
    var module: String
    var bases: [PyClass]
    @exclusivity(unchecked) var mro: [PyClass] = []
    /// The class namespace (methods, class attributes). Any change invalidates the lookup
    /// caches of every class of the session (a subclass may have cached a parent's entry).
    @exclusivity(unchecked) var dict: [String: Value] {
        didSet { if !isBuiltin { PyClass.userClassVersion &+= 1 } }
    }
    /// Bumped whenever a user class's namespace changes. Builtin classes are shared by all
    /// sessions and immutable after setup, so only user classes (one session each) cache.
    @exclusivity(unchecked) nonisolated(unsafe) static var userClassVersion = 0
    @exclusivity(unchecked) private var cacheVersion = -1
    @exclusivity(unchecked) private var lookupCache: [String: Value?] = [:]
    @exclusivity(unchecked) private var userLookupCache: [String: Value?] = [:]
    let isBuiltin: Bool
    /// Creates the Swift storage for an instance; a user class inherits its nearest
    /// builtin base's factory (a `dict` subclass's instances are `PyDict`s).
    var factory: ((PyClass) -> PyObject)?
    /// Set when this class or a base defines `__getattr__`, `__eq__`, ... (user classes):
    /// builtin fast paths are skipped for them.
    @exclusivity(unchecked) var isUserDefined: Bool
    /// Names in the order the class body defined them (for `__dict__`).
    var attributeOrder: [String] = []

    init(name: String, bases: [PyClass], dict: [String: Value] = [:], isBuiltin: Bool,
         module: String = "builtins", factory: ((PyClass) -> PyObject)? = nil) {
        self.name = name
        self.qualname = name
        self.module = module
        self.bases = bases
        self.dict = dict
        self.isBuiltin = isBuiltin
        self.factory = factory ?? bases.lazy.compactMap { $0.factory }.first
        self.isUserDefined = !isBuiltin || bases.contains { $0.isUserDefined }
        super.init(cls: nil)
        self.mro = (try? PyClass.linearize(self)) ?? [self] + bases
    }

    /// The attribute `name` found along the MRO (the class's own namespace first).
    @inline(__always) func lookup(_ name: String) -> Value? {
        if isBuiltin {
            for c in mro {
                if let v = c.dict[name] { return v }
            }
            return nil
        }
        validateCache()
        if let hit = lookupCache[name] { return hit }
        var found: Value?
        for c in mro {
            if let v = c.dict[name] {
                found = v
                break
            }
        }
        lookupCache[name] = .some(found)
        return found
    }

    private func validateCache() {
        if cacheVersion != PyClass.userClassVersion {
            lookupCache.removeAll(keepingCapacity: true)
            userLookupCache.removeAll(keepingCapacity: true)
            cacheVersion = PyClass.userClassVersion
            customSetattr = mro.contains { !$0.isBuiltin && $0.dict["__setattr__"] != nil }
        }
    }

    @exclusivity(unchecked) private var customSetattr = false
    /// A user class in the MRO defines `__setattr__` (checked before every attribute store).
    var hasCustomSetattr: Bool {
        if isBuiltin { return false }
        validateCache()
        return customSetattr
    }

    /// The attribute defined by a user class in the MRO (skipping builtin types), so
    /// operators fall back to the native behaviour of a subclassed builtin.
    func lookupUser(_ name: String) -> Value? {
        guard isUserDefined else { return nil }
        if isBuiltin {
            for c in mro where !c.isBuiltin {
                if let v = c.dict[name] { return v }
            }
            return nil
        }
        validateCache()
        if let hit = userLookupCache[name] { return hit }
        var found: Value?
        for c in mro where !c.isBuiltin {
            if let v = c.dict[name] {
                found = v
                break
            }
        }
        userLookupCache[name] = .some(found)
        return found
    }

    func isSubclass(of other: PyClass) -> Bool {
        if self === other { return true }
        for c in mro where c === other { return true }
        return false
    }

    /// C3 linearization, so `super()` and method lookup follow CPython's order.
    static func linearize(_ cls: PyClass) throws -> [PyClass] {
        var sequences = cls.bases.map { $0.mro } + [cls.bases]
        var result: [PyClass] = [cls]
        while true {
            sequences = sequences.filter { !$0.isEmpty }
            if sequences.isEmpty { return result }
            guard let head = sequences.lazy.map({ $0[0] }).first(where: { candidate in
                !sequences.contains { seq in seq.dropFirst().contains { $0 === candidate } }
            }) else {
                throw PyError.typeError("Cannot create a consistent method resolution order (MRO) for bases "
                    + cls.bases.map(\.name).joined(separator: ", "))
            }
            result.append(head)
            sequences = sequences.map { $0[0] === head ? Array($0.dropFirst()) : $0 }
        }
    }
}

/// The Python type of any value.
@inline(__always) func typeOf(_ v: Value) -> PyClass {
    switch v {
    case .none: return T.noneType
    case .bool: return T.bool
    case .int: return T.int
    case .float: return T.float
    case .object(let o): return o.cls
    }
}

func typeName(_ v: Value) -> String { typeOf(v).name }

extension Interpreter {
    /// `typeName(_:)` for contexts where a member named `typeName` shadows the global.
    static func nameOfType(_ v: Value) -> String { typeOf(v).name }
}
