import BigInt

/// Iteration protocol and value conversions used everywhere in the runtime.
extension Interpreter {
    /// A Swift closure producing the next item (nil at the end) for any iterable.
    func getIterator(_ v: Value) throws -> () throws -> Value? {
        guard case .object(let o) = v else {
            throw PyError.typeError("'\(typeName(v))' object is not iterable")
        }
        if o.cls.isUserDefined, let m = o.cls.lookupUser("__iter__") {
            let it = try call(m, [v])
            return try nextFunction(of: it)
        }
        switch o {
        case let l as PyList:
            let i = IterationPosition(0)
            return {
                guard i.value < l.items.count else { return nil }
                i.value += 1
                return l.items[i.value - 1]
            }
        case let t as PyTuple:
            let i = IterationPosition(0)
            return {
                guard i.value < t.items.count else { return nil }
                i.value += 1
                return t.items[i.value - 1]
            }
        case let r as PyRange:
            let cur = IterationPosition(r.start)
            let stop = r.stop, step = r.step
            return {
                let c = cur.value
                if step > 0 ? c >= stop : c <= stop { return nil }
                cur.value = c + step
                return .int(c)
            }
        case let s as PyStr:
            let scalars = s.scalars
            var i = 0
            return {
                guard i < scalars.count else { return nil }
                i += 1
                return .str(String(scalars[i - 1]))
            }
        case let d as PyDict:
            return dictIterator(d) { k, _ in k }
        case let s as PySet:
            let keys = s.iterationKeys
            var i = 0
            return {
                guard i < keys.count else { return nil }
                i += 1
                return keys[i - 1]
            }
        case let it as PyIterator: return it.next
        case let g as PyGenerator: return { try g.next() }
        case let b as PyBytes:
            var i = 0
            return {
                guard i < b.bytes.count else { return nil }
                i += 1
                return .int(Int(b.bytes[i - 1]))
            }
        case let v as PyDictView:
            switch v.kind {
            case .keys: return dictIterator(v.dict) { k, _ in k }
            case .values: return dictIterator(v.dict) { _, val in val }
            case .items: return dictIterator(v.dict) { k, val in .object(PyTuple([k, val])) }
            }
        case let n as NativeObject:
            return try n.iterator(self)
        default:
            if let m = o.cls.lookup("__getitem__") {
                var i = 0
                return { [unowned self] in
                    do {
                        defer { i += 1 }
                        return try self.call(m, [v, .int(i)])
                    } catch let e as PyError where e.exception.cls.isSubclass(of: T.indexError)
                        || e.exception.cls.isSubclass(of: T.stopIteration) {
                        return nil
                    }
                }
            }
            throw PyError.typeError("'\(o.typeName)' object is not iterable")
        }
    }

    private func dictIterator(_ d: PyDict, _ pick: @escaping (Value, Value) -> Value) -> () throws -> Value? {
        var i = 0
        let version = d.version
        return {
            if d.version != version { throw PyError.runtimeError("dictionary changed size during iteration") }
            while i < d.table.slotCount {
                defer { i += 1 }
                if let (k, v) = d.table.slot(i) { return pick(k, v) }
            }
            return nil
        }
    }

    /// The `__next__` of an iterator object as a closure.
    func nextFunction(of it: Value) throws -> () throws -> Value? {
        if case .object(let o) = it {
            if let p = o as? PyIterator { return p.next }
            if let g = o as? PyGenerator { return { try g.next() } }
            if let m = o.cls.lookup("__next__") {
                return { [unowned self] in
                    do {
                        return try self.call(m, [it])
                    } catch let e as PyError where e.exception.cls.isSubclass(of: T.stopIteration) {
                        return nil
                    }
                }
            }
            if let n = o as? NativeObject { return try n.iterator(self) }
        }
        throw PyError.typeError("iter() returned non-iterator of type '\(typeName(it))'")
    }

    /// `iter(v)` as a Python object.
    func iterObject(_ v: Value) throws -> Value {
        if case .object(let o) = v {
            if o is PyIterator || o is PyGenerator { return v }
            if o.cls.isUserDefined, let m = o.cls.lookupUser("__iter__") { return try call(m, [v]) }
        }
        return .object(PyIterator(try getIterator(v)))
    }

    /// All items of an iterable.
    func iterate(_ v: Value) throws -> [Value] {
        if case .object(let o) = v, !o.cls.isUserDefined {
            if let l = o as? PyList { return l.items }
            if let t = o as? PyTuple { return t.items }
        }
        let it = try getIterator(v)
        var out: [Value] = []
        while let x = try it() { out.append(x) }
        return out
    }

    // MARK: Conversions

    /// An int argument (bool counts, `__index__` too), as Swift Int.
    func toInt(_ v: Value) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if o is PyBigInt { throw PyError(T.overflowError, "Python int too large to convert to C ssize_t") }
            if let m = o.cls.lookupUser("__index__") { return try toInt(call(m, [v])) }
        default: break
        }
        throw PyError.typeError("'\(typeName(v))' object cannot be interpreted as an integer")
    }

    func toDouble(_ v: Value) throws -> Double {
        if let d = try Arith.double(v) { return d }
        if case .object(let o) = v, let m = o.cls.lookupUser("__float__") { return try toDouble(call(m, [v])) }
        throw PyError.typeError("must be real number, not \(typeName(v))")
    }

    func toStr(_ v: Value, _ what: String = "argument") throws -> String {
        if case .object(let o) = v, let s = o as? PyStr { return s.value }
        throw PyError.typeError("\(what) must be str, not \(typeName(v))")
    }

    /// Length via `len()` semantics.
    func length(_ v: Value) throws -> Int {
        if case .object(let o) = v {
            if o.cls.isUserDefined, let m = o.cls.lookupUser("__len__") {
                let r = try call(m, [v])
                let n = try toInt(r)
                if n < 0 { throw PyError.valueError("__len__() should return >= 0") }
                return n
            }
            switch o {
            case let s as PyStr: return s.count
            case let l as PyList: return l.items.count
            case let t as PyTuple: return t.items.count
            case let d as PyDict: return d.count
            case let s as PySet: return s.count
            case let r as PyRange: return r.count
            case let b as PyBytes: return b.bytes.count
            case let v as PyDictView: return v.dict.count
            case let n as NativeObject:
                if let len = try n.length(self) { return len }
            default: break
            }
        }
        throw PyError.typeError("object of type '\(typeName(v))' has no len()")
    }

    func makeSet(_ items: [Value], frozen: Bool = false) throws -> PySet {
        let s = PySet(cls: frozen ? T.frozenset : T.set)
        for x in items { s.table.set(try hashKey(x), .none) }
        return s
    }
}

extension PyDict {
    func setItem(_ key: Value, _ value: Value) throws {
        guard let rt = Interpreter.current else {
            // Only reachable before a session runs (static setup): string keys only.
            if case .object(let o) = key, let s = o as? PyStr {
                set(HashKey(value: key, hash: s.value.hashValue), value)
            }
            return
        }
        set(try rt.hashKey(key), value)
    }

    func set(_ key: HashKey, _ value: Value) {
        if table.find(key) == nil { version &+= 1 }
        table.set(key, value)
    }

    func getItem(_ key: Value) throws -> Value? {
        guard let rt = Interpreter.current else { return nil }
        return table.get(try rt.hashKey(key))
    }

    func setString(_ key: String, _ value: Value) {
        set(HashKey(value: .str(key), hash: key.hashValue), value)
    }
}

/// The position of a Swift iterator closure. A class with an unchecked field rather than a
/// captured `var`, whose box would pay a runtime exclusivity check on every step.
final class IterationPosition {
    @exclusivity(unchecked) var value: Int
    init(_ value: Int) { self.value = value }
}
