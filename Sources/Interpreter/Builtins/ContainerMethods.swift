/// Methods of `list`, `tuple`, `dict` (with its views) and `set`/`frozenset`.
enum ContainerMethods {
    static func install() {
        installList()
        installTuple()
        installDict()
        installSet()
    }

    private static func method<O: PyObject>(_ cls: PyClass, _ type: O.Type, _ name: String, _ params: String,
                                            _ body: @escaping (Interpreter, O, [Value]) throws -> Value) {
        TypeConstructors.def(cls, name, params.isEmpty ? "self" : "self, " + params) { rt, a in
            guard case .object(let o) = a[0], let this = o as? O else {
                throw PyError.typeError("descriptor '\(name)' for '\(cls.name)' objects doesn't apply to a '\(typeName(a[0]))' object")
            }
            return try body(rt, this, Array(a.dropFirst()))
        }
    }

    /// Gives the method `name` (already defined) a direct entry point with one argument.
    private static func fast<O: PyObject>(_ cls: PyClass, _ type: O.Type, _ name: String,
                                          _ body: @escaping (Interpreter, O, Value) throws -> Value) {
        guard case .object(let m)? = cls.dict[name], let b = m as? PyBuiltin else { return }
        b.fast = .two { rt, receiver, x in
            guard case .object(let o) = receiver, let this = o as? O else { return try b.impl(rt, [receiver, x]) }
            return try body(rt, this, x)
        }
    }

    /// The same with two arguments.
    private static func fast<O: PyObject>(_ cls: PyClass, _ type: O.Type, _ name: String,
                                          _ body: @escaping (Interpreter, O, Value, Value) throws -> Value) {
        guard case .object(let m)? = cls.dict[name], let b = m as? PyBuiltin else { return }
        b.fast = .three { rt, receiver, x, y in
            guard case .object(let o) = receiver, let this = o as? O else { return try b.impl(rt, [receiver, x, y]) }
            return try body(rt, this, x, y)
        }
    }

    private static func installList() {
        let L = T.list
        method(L, PyList.self, "append", "object, /") { _, l, a in l.items.append(a[0]); return .none }
        fast(L, PyList.self, "append") { _, l, x in
            l.items.append(x)
            return .none
        }
        method(L, PyList.self, "extend", "iterable, /") { rt, l, a in l.items.append(contentsOf: try rt.iterate(a[0])); return .none }
        method(L, PyList.self, "insert", "index, object, /") { rt, l, a in
            var i = try rt.toInt(a[0])
            if i < 0 { i = max(0, i + l.items.count) }
            l.items.insert(a[1], at: min(i, l.items.count))
            return .none
        }
        method(L, PyList.self, "pop", "index=-1, /") { rt, l, a in
            if l.items.isEmpty { throw PyError.indexError("pop from empty list") }
            var i = try rt.toInt(a[0])
            if i < 0 { i += l.items.count }
            guard i >= 0 && i < l.items.count else { throw PyError.indexError("pop index out of range") }
            return l.items.remove(at: i)
        }
        method(L, PyList.self, "remove", "value, /") { rt, l, a in
            for (i, x) in l.items.enumerated() where try rt.equals(x, a[0]) {
                l.items.remove(at: i)
                return .none
            }
            throw PyError.valueError("list.remove(x): x not in list")
        }
        method(L, PyList.self, "index", "value, start=0, stop=None, /") { rt, l, a in
            let n = l.items.count
            var start = try rt.toInt(a[1]), stop = a[2].isNone ? n : try rt.toInt(a[2])
            if start < 0 { start = max(0, start + n) }
            if stop < 0 { stop = max(0, stop + n) }
            var i = start
            while i < min(stop, l.items.count) {
                if try rt.equals(l.items[i], a[0]) { return .int(i) }
                i += 1
            }
            throw PyError.valueError("\(try rt.repr(a[0])) is not in list")
        }
        method(L, PyList.self, "count", "value, /") { rt, l, a in
            .int(try l.items.filter { try rt.equals($0, a[0]) }.count)
        }
        method(L, PyList.self, "sort", "*, key=None, reverse=False") { rt, l, a in
            try rt.sortList(l, key: a[0], reverse: rt.truthy(a[1]))
            return .none
        }
        method(L, PyList.self, "reverse", "") { _, l, _ in l.items.reverse(); return .none }
        method(L, PyList.self, "copy", "") { _, l, _ in .object(PyList(l.items)) }
        method(L, PyList.self, "clear", "") { _, l, _ in l.items.removeAll(); return .none }
        method(L, PyList.self, "__len__", "") { _, l, _ in .int(l.items.count) }
        method(L, PyList.self, "__getitem__", "index, /") { rt, l, a in try rt.getItem(.object(l), a[0]) }
        method(L, PyList.self, "__setitem__", "index, value, /") { rt, l, a in try rt.setItem(.object(l), a[0], a[1]); return .none }
        method(L, PyList.self, "__delitem__", "index, /") { rt, l, a in try rt.delItem(.object(l), a[0]); return .none }
        method(L, PyList.self, "__contains__", "value, /") { rt, l, a in .bool(try rt.contains(.object(PyList(l.items)), a[0])) }
        method(L, PyList.self, "__iter__", "") { rt, l, _ in try rt.iterObject(.object(PyList(l.items))) }
        method(L, PyList.self, "__add__", "other, /") { rt, l, a in try rt.binary(.add, .object(PyList(l.items)), a[0]) }
        method(L, PyList.self, "__eq__", "other, /") { rt, l, a in
            guard case .object(let o) = a[0], let m = o as? PyList else { return .object(T.notImplemented) }
            return .bool(try rt.equals(.object(PyList(l.items)), .object(PyList(m.items))))
        }
        method(L, PyList.self, "__repr__", "") { rt, l, _ in .str(try rt.repr(.object(PyList(l.items)))) }
    }

    private static func installTuple() {
        method(T.tuple, PyTuple.self, "index", "value, /") { rt, t, a in
            for (i, x) in t.items.enumerated() where try rt.equals(x, a[0]) { return .int(i) }
            throw PyError.valueError("tuple.index(x): x not in tuple")
        }
        method(T.tuple, PyTuple.self, "count", "value, /") { rt, t, a in
            .int(try t.items.filter { try rt.equals($0, a[0]) }.count)
        }
        method(T.tuple, PyTuple.self, "__len__", "") { _, t, _ in .int(t.items.count) }
        method(T.tuple, PyTuple.self, "__getitem__", "index, /") { rt, t, a in try rt.getItem(.object(PyTuple(t.items)), a[0]) }
        method(T.tuple, PyTuple.self, "__iter__", "") { rt, t, _ in try rt.iterObject(.object(PyTuple(t.items))) }
        method(T.tuple, PyTuple.self, "__repr__", "") { rt, t, _ in .str(try rt.repr(.object(PyTuple(t.items)))) }
        method(T.tuple, PyTuple.self, "__eq__", "other, /") { rt, t, a in
            guard case .object(let o) = a[0], let m = o as? PyTuple else { return .object(T.notImplemented) }
            return .bool(try rt.equals(.object(PyTuple(t.items)), .object(PyTuple(m.items))))
        }
        method(T.tuple, PyTuple.self, "__hash__", "") { rt, t, _ in .int(try rt.hash(.object(PyTuple(t.items)))) }
    }

    private static func installDict() {
        let D = T.dict
        method(D, PyDict.self, "get", "key, default=None, /") { rt, d, a in d.table.get(try rt.hashKey(a[0])) ?? a[1] }
        fast(D, PyDict.self, "get") { rt, d, key, fallback in d.table.get(try rt.hashKey(key)) ?? fallback }
        method(D, PyDict.self, "keys", "") { _, d, _ in .object(PyDictView(d, .keys)) }
        method(D, PyDict.self, "values", "") { _, d, _ in .object(PyDictView(d, .values)) }
        method(D, PyDict.self, "items", "") { _, d, _ in .object(PyDictView(d, .items)) }
        method(D, PyDict.self, "update", "*args, **kwargs") { rt, d, a in
            try rt.dictUpdate(d, a[0], a[1])
            return .none
        }
        method(D, PyDict.self, "pop", "key, default=<missing>, /") { rt, d, a in
            if let v = d.table.get(try rt.hashKey(a[0])) {
                d.table.remove(try rt.hashKey(a[0]))
                d.version &+= 1
                return v
            }
            if case .object(let m) = a[1], m === Missing.value { throw PyError.keyError(a[0]) }
            return a[1]
        }
        method(D, PyDict.self, "popitem", "") { _, d, _ in
            guard let (k, v) = d.table.last else { throw PyError(T.keyError, "popitem(): dictionary is empty") }
            d.table.remove(k)
            d.version &+= 1
            return .object(PyTuple([k.value, v]))
        }
        method(D, PyDict.self, "setdefault", "key, default=None, /") { rt, d, a in
            let k = try rt.hashKey(a[0])
            if let v = d.table.get(k) { return v }
            d.set(k, a[1])
            return a[1]
        }
        method(D, PyDict.self, "copy", "") { _, d, _ in
            let c = PyDict()
            c.table = d.table
            return .object(c)
        }
        method(D, PyDict.self, "clear", "") { _, d, _ in
            d.table.removeAll()
            d.version &+= 1
            return .none
        }
        method(D, PyDict.self, "__getitem__", "key, /") { rt, d, a in
            if let v = d.table.get(try rt.hashKey(a[0])) { return v }
            if d.cls.isUserDefined, let missing = d.cls.lookupUser("__missing__") { return try rt.call(missing, [.object(d), a[0]]) }
            throw PyError.keyError(a[0])
        }
        method(D, PyDict.self, "__setitem__", "key, value, /") { rt, d, a in d.set(try rt.hashKey(a[0]), a[1]); return .none }
        method(D, PyDict.self, "__delitem__", "key, /") { rt, d, a in
            guard d.table.remove(try rt.hashKey(a[0])) != nil else { throw PyError.keyError(a[0]) }
            d.version &+= 1
            return .none
        }
        method(D, PyDict.self, "__contains__", "key, /") { rt, d, a in .bool(d.table.find(try rt.hashKey(a[0])) != nil) }
        method(D, PyDict.self, "__len__", "") { _, d, _ in .int(d.count) }
        method(D, PyDict.self, "__iter__", "") { _, d, _ in
            let keys = d.table.liveKeys
            var i = 0
            return .object(PyIterator {
                guard i < keys.count else { return nil }
                i += 1
                return keys[i - 1]
            })
        }
        method(D, PyDict.self, "__repr__", "") { rt, d, _ in
            let plain = PyDict()
            plain.table = d.table
            return .str(try rt.repr(.object(plain)))
        }
        method(D, PyDict.self, "__eq__", "other, /") { rt, d, a in
            guard case .object(let o) = a[0], let e = o as? PyDict else { return .object(T.notImplemented) }
            let x = PyDict(), y = PyDict()
            x.table = d.table
            y.table = e.table
            return .bool(try rt.equals(.object(x), .object(y)))
        }
        D.dict["fromkeys"] = .object(PyClassMethod(.object(makeBuiltin("fromkeys", "cls, iterable, value=None, /") { rt, a in
            let d = try rt.call(a[0], [])
            for k in try rt.iterate(a[1]) { try rt.setItem(d, k, a[2]) }
            return d
        })))
    }

    private static func installSet() {
        for S in [T.set, T.frozenset] {
            method(S, PySet.self, "union", "*others") { rt, s, a in
                let r = PySet(cls: s.cls.isSubclass(of: T.frozenset) ? T.frozenset : T.set)
                r.table = s.table
                for o in try rt.iterate(a[0]) { for x in try rt.iterate(o) { r.table.set(try rt.hashKey(x), .none) } }
                return .object(r)
            }
            method(S, PySet.self, "intersection", "*others") { rt, s, a in
                var r = s
                for o in try rt.iterate(a[0]) { r = try rt.setOperation(.bitAnd, r, rt.makeSet(rt.iterate(o))) }
                return .object(r === s ? try rt.copySet(s) : r)
            }
            method(S, PySet.self, "difference", "*others") { rt, s, a in
                var r = s
                for o in try rt.iterate(a[0]) { r = try rt.setOperation(.subtract, r, rt.makeSet(rt.iterate(o))) }
                return .object(r === s ? try rt.copySet(s) : r)
            }
            method(S, PySet.self, "symmetric_difference", "other, /") { rt, s, a in
                .object(try rt.setOperation(.bitXor, s, rt.makeSet(rt.iterate(a[0]))))
            }
            method(S, PySet.self, "issubset", "other, /") { rt, s, a in
                let o = try rt.makeSet(rt.iterate(a[0]))
                return .bool(s.table.liveKeys.allSatisfy { (try? o.table.find(rt.hashKey($0))) != nil })
            }
            method(S, PySet.self, "issuperset", "other, /") { rt, s, a in
                .bool(try rt.iterate(a[0]).allSatisfy { s.table.find(try rt.hashKey($0)) != nil })
            }
            method(S, PySet.self, "isdisjoint", "other, /") { rt, s, a in
                .bool(try rt.iterate(a[0]).allSatisfy { s.table.find(try rt.hashKey($0)) == nil })
            }
            method(S, PySet.self, "copy", "") { rt, s, _ in .object(try rt.copySet(s)) }
            method(S, PySet.self, "__len__", "") { _, s, _ in .int(s.count) }
            method(S, PySet.self, "__contains__", "x, /") { rt, s, a in .bool(s.table.find(try rt.hashKey(a[0])) != nil) }
            method(S, PySet.self, "__iter__", "") { rt, s, _ in try rt.iterObject(.object(rt.copySet(s))) }
        }
        let S = T.set
        method(S, PySet.self, "add", "x, /") { rt, s, a in s.table.set(try rt.hashKey(a[0]), .none); return .none }
        method(S, PySet.self, "remove", "x, /") { rt, s, a in
            guard s.table.remove(try rt.hashKey(a[0])) != nil else { throw PyError.keyError(a[0]) }
            return .none
        }
        method(S, PySet.self, "discard", "x, /") { rt, s, a in s.table.remove(try rt.hashKey(a[0])); return .none }
        method(S, PySet.self, "pop", "") { _, s, _ in
            guard let first = s.table.liveKeys.first else { throw PyError(T.keyError, "pop from an empty set") }
            s.table.remove(HashKey(value: first, hash: (try? Interpreter.current?.hash(first)) ?? 0 ?? 0))
            return first
        }
        method(S, PySet.self, "clear", "") { _, s, _ in s.table.removeAll(); return .none }
        method(S, PySet.self, "update", "*others") { rt, s, a in
            for o in try rt.iterate(a[0]) { for x in try rt.iterate(o) { s.table.set(try rt.hashKey(x), .none) } }
            return .none
        }
        method(S, PySet.self, "intersection_update", "*others") { rt, s, a in
            for o in try rt.iterate(a[0]) { s.table = try rt.setOperation(.bitAnd, s, rt.makeSet(rt.iterate(o))).table }
            return .none
        }
        method(S, PySet.self, "difference_update", "*others") { rt, s, a in
            for o in try rt.iterate(a[0]) { s.table = try rt.setOperation(.subtract, s, rt.makeSet(rt.iterate(o))).table }
            return .none
        }
        method(S, PySet.self, "symmetric_difference_update", "other, /") { rt, s, a in
            s.table = try rt.setOperation(.bitXor, s, rt.makeSet(rt.iterate(a[0]))).table
            return .none
        }
    }
}

/// `dict.keys()`, `.values()`, `.items()`: live views of the dict.
final class PyDictView: PyObject {
    enum Kind { case keys, values, items }
    let dict: PyDict
    let kind: Kind
    init(_ dict: PyDict, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
        super.init(cls: kind == .keys ? T.dictKeys : kind == .values ? T.dictValues : T.dictItems)
    }

    func items(_ rt: Interpreter) throws -> [Value] {
        switch kind {
        case .keys: return dict.table.liveKeys
        case .values: return dict.table.entries.map(\.value)
        case .items: return dict.table.entries.map { .object(PyTuple([$0.key, $0.value])) }
        }
    }

    func asSet(_ rt: Interpreter) throws -> PySet { try rt.makeSet(items(rt)) }
}

extension Interpreter {
    func copySet(_ s: PySet) throws -> PySet {
        let r = PySet(cls: s.isFrozen ? T.frozenset : T.set)
        r.table = s.table
        return r
    }

    func setOperation(_ op: BinaryOperator, _ a: PySet, _ b: PySet) throws -> PySet {
        let r = PySet(cls: a.isFrozen ? T.frozenset : T.set)
        switch op {
        case .bitOr:
            r.table = a.table
            for k in b.table.liveKeys { r.table.set(try hashKey(k), .none) }
        case .bitAnd:
            for k in a.table.liveKeys where b.table.find(try hashKey(k)) != nil { r.table.set(try hashKey(k), .none) }
        case .subtract:
            for k in a.table.liveKeys where b.table.find(try hashKey(k)) == nil { r.table.set(try hashKey(k), .none) }
        case .bitXor:
            for k in a.table.liveKeys where b.table.find(try hashKey(k)) == nil { r.table.set(try hashKey(k), .none) }
            for k in b.table.liveKeys where a.table.find(try hashKey(k)) == nil { r.table.set(try hashKey(k), .none) }
        default:
            throw unsupported(op, .object(a), .object(b))
        }
        return r
    }

    func setOrder(_ op: CompareOperator, _ a: PySet, _ b: PySet) throws -> Bool {
        let aInB = try a.table.liveKeys.allSatisfy { b.table.find(try hashKey($0)) != nil }
        let bInA = try b.table.liveKeys.allSatisfy { a.table.find(try hashKey($0)) != nil }
        switch op {
        case .lessEqual: return aInB
        case .less: return aInB && a.count < b.count
        case .greaterEqual: return bInA
        default: return bInA && a.count > b.count
        }
    }

    /// `list.sort`: stable, with `key` and `reverse` (reverse keeps equal items in order, like CPython).
    func sortList(_ l: PyList, key: Value, reverse: Bool) throws {
        let keys: [Value] = key.isNone ? l.items : try l.items.map { try call(key, [$0]) }
        var indices = Array(0..<l.items.count)
        var failure: Error?
        if keys.allSatisfy({ if case .int = $0 { return true }; return false }) {
            let ints = keys.map { v -> Int in if case .int(let i) = v { return i }; return 0 }
            indices = mergeSort(indices) { reverse ? ints[$1] < ints[$0] : ints[$0] < ints[$1] }
        } else {
            indices = mergeSort(indices) { x, y in
                if failure != nil { return false }
                do {
                    return reverse ? try lessThan(keys[y], keys[x]) : try lessThan(keys[x], keys[y])
                } catch {
                    failure = error
                    return false
                }
            }
        }
        if let e = failure { throw e }
        let items = l.items
        l.items = indices.map { items[$0] }
    }

    /// A stable merge sort (Swift's `sort` is not guaranteed stable).
    private func mergeSort(_ a: [Int], _ less: (Int, Int) -> Bool) -> [Int] {
        if a.count <= 1 { return a }
        var src = a
        var dst = a
        var width = 1
        let n = a.count
        while width < n {
            var i = 0
            while i < n {
                let mid = min(i + width, n), hi = min(i + 2 * width, n)
                var l = i, r = mid, k = i
                while l < mid && r < hi {
                    if less(src[r], src[l]) { dst[k] = src[r]; r += 1 } else { dst[k] = src[l]; l += 1 }
                    k += 1
                }
                while l < mid { dst[k] = src[l]; l += 1; k += 1 }
                while r < hi { dst[k] = src[r]; r += 1; k += 1 }
                i += 2 * width
            }
            swap(&src, &dst)
            width *= 2
        }
        return src
    }
}
