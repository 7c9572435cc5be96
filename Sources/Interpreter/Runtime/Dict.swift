/// A dictionary or set key: the value with its Python hash computed once (which may run
/// a user `__hash__` and may throw, so it happens before the key is built). Equality
/// follows Python's `==` (`1 == 1.0 == True`).
struct HashKey: Hashable {
    let value: Value
    let hash: Int

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (a: HashKey, b: HashKey) -> Bool {
        guard a.hash == b.hash else { return false }
        return keyEquals(a.value, b.value)
    }
}

/// `==` for keys, without throwing (an exception in a user `__eq__` counts as unequal).
func keyEquals(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case let (.int(x), .int(y)): return x == y
    case let (.object(x), .object(y)):
        if x === y { return true }
        if let s = x as? PyStr, let t = y as? PyStr { return s.value == t.value }
    default: break
    }
    guard let rt = Interpreter.current else { return false }
    return (try? rt.equals(a, b)) ?? false
}

/// Insertion-ordered hash storage shared by `dict` and `set`: entries in an array (holes
/// for deleted ones, compacted when they pile up) plus an open-addressing index of entry
/// positions probed with each key's stored Python hash (CPython's probe sequence), so a
/// lookup never rehashes the key (a `Dictionary` would run SipHash on every access).
struct OrderedTable {
    private(set) var keys: [HashKey?] = []
    private(set) var values: [Value] = []
    /// Power-of-two sized (or empty); each cell is `empty`, `deleted` or an entry position.
    private var index: [Int] = []
    private var live = 0
    /// Index cells that are not `empty` (live plus deleted), for the load factor.
    private var used = 0
    private var holes = 0
    private static let empty = -1, deleted = -2

    var count: Int { live }

    /// The index cell and entry position of `key`.
    @inline(__always) private func probe(_ key: HashKey) -> (cell: Int, position: Int)? {
        if index.isEmpty { return nil }
        let mask = UInt(index.count - 1)
        var perturb = UInt(bitPattern: key.hash)
        var i = perturb & mask
        while true {
            let p = index[Int(i)]
            if p == Self.empty { return nil }
            if p >= 0, let k = keys[p], k.hash == key.hash, keyEquals(k.value, key.value) { return (Int(i), p) }
            perturb >>= 5
            i = (i &* 5 &+ perturb &+ 1) & mask
        }
    }

    func find(_ key: HashKey) -> Int? { probe(key)?.position }

    func get(_ key: HashKey) -> Value? {
        guard let p = probe(key)?.position else { return nil }
        return values[p]
    }

    mutating func set(_ key: HashKey, _ value: Value) {
        if let p = probe(key)?.position {
            values[p] = value
            return
        }
        if (used + 1) * 3 >= index.count * 2 { rebuildIndex(forCount: live + 1) }
        place(key.hash, at: keys.count)
        keys.append(key)
        values.append(value)
        live += 1
    }

    /// Puts entry `position` into the first free cell of its probe sequence.
    private mutating func place(_ hash: Int, at position: Int) {
        let mask = UInt(index.count - 1)
        var perturb = UInt(bitPattern: hash)
        var i = perturb & mask
        while index[Int(i)] >= 0 {
            perturb >>= 5
            i = (i &* 5 &+ perturb &+ 1) & mask
        }
        if index[Int(i)] == Self.empty { used += 1 }
        index[Int(i)] = position
    }

    /// A fresh index (no deleted cells) sized for `count` entries at most 2/3 full.
    private mutating func rebuildIndex(forCount count: Int) {
        var size = 8
        while count * 3 >= size * 2 { size <<= 1 }
        index = [Int](repeating: Self.empty, count: size)
        used = 0
        for (p, k) in keys.enumerated() {
            if let k = k { place(k.hash, at: p) }
        }
    }

    @discardableResult
    mutating func remove(_ key: HashKey) -> Value? {
        guard let (cell, i) = probe(key) else { return nil }
        index[cell] = Self.deleted
        let v = values[i]
        keys[i] = nil
        values[i] = .none
        live -= 1
        holes += 1
        if holes > 16 && holes > keys.count / 2 { compact() }
        return v
    }

    mutating func removeAll() {
        keys = []
        values = []
        index = []
        live = 0
        used = 0
        holes = 0
    }

    private mutating func compact() {
        var newKeys: [HashKey?] = []
        var newValues: [Value] = []
        newKeys.reserveCapacity(live)
        newValues.reserveCapacity(live)
        for (i, k) in keys.enumerated() where k != nil {
            newKeys.append(k)
            newValues.append(values[i])
        }
        keys = newKeys
        values = newValues
        holes = 0
        rebuildIndex(forCount: live)
    }

    /// The live entries in insertion order.
    var entries: [(key: Value, value: Value)] {
        var out: [(key: Value, value: Value)] = []
        out.reserveCapacity(count)
        for (i, k) in keys.enumerated() {
            if let k = k { out.append((k.value, values[i])) }
        }
        return out
    }

    var liveKeys: [Value] {
        var out: [Value] = []
        out.reserveCapacity(count)
        for k in keys { if let k = k { out.append(k.value) } }
        return out
    }

    /// The last live entry (for `popitem`).
    var last: (HashKey, Value)? {
        for i in stride(from: keys.count - 1, through: 0, by: -1) {
            if let k = keys[i] { return (k, values[i]) }
        }
        return nil
    }

    /// Raw slot access for iterators that tolerate holes: (key, value) or nil for a hole.
    var slotCount: Int { keys.count }
    func slot(_ i: Int) -> (Value, Value)? {
        guard let k = keys[i] else { return nil }
        return (k.value, values[i])
    }
}

final class PyDict: PyObject {
    @exclusivity(unchecked) var table = OrderedTable()
    /// For an instance's `__dict__`/`vars()`: the object whose attributes item assignment and
    /// deletion also change (`obj.__dict__["x"] = 1` sets `obj.x`, as in CPython).
    weak var attributeOwner: PyObject?
    /// Bumped on insertions and deletions, so iterators detect "dictionary changed size".
    var version = 0

    init(cls: PyClass = T.dict) { super.init(cls: cls) }

    var count: Int { table.count }
}

/// `set` and `frozenset` (the class says which).
final class PySet: PyObject {
    var table = OrderedTable()
    init(cls: PyClass = T.set) { super.init(cls: cls) }
    var isFrozen: Bool { cls.isSubclass(of: T.frozenset) }
    var count: Int { table.count }
}

extension PySet {
    /// The keys in CPython's iteration order when that order is deterministic (all keys
    /// ints, whose hash is the value): CPython's open-addressing table is simulated, so
    /// `print({3, 1, 2})` shows `{1, 2, 3}` as it does there. Other sets iterate in
    /// insertion order (CPython's order for strings varies from run to run anyway).
    var iterationKeys: [Value] {
        let keys = table.liveKeys
        var hashes: [Int] = []
        hashes.reserveCapacity(keys.count)
        for k in keys {
            switch k {
            case .int(let i): hashes.append(i == -1 ? -2 : i)
            case .bool(let b): hashes.append(b ? 1 : 0)
            default: return keys
            }
        }
        return PySet.cpythonTableOrder(hashes).map { keys[$0] }
    }

    static func cpythonTableOrder(_ hashes: [Int]) -> [Int] {
        var mask = 7
        var table = [Int](repeating: -1, count: 8)
        var fill = 0
        func insert(_ idx: Int, _ table: inout [Int], _ mask: Int) {
            let h = UInt(bitPattern: hashes[idx])
            var perturb = h
            var i = Int(h & UInt(mask))
            while true {
                var probes = i + 9 <= mask ? 9 : 0
                var j = i
                while true {
                    if table[j] == -1 {
                        table[j] = idx
                        return
                    }
                    if probes == 0 { break }
                    probes -= 1
                    j += 1
                }
                perturb >>= 5
                i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
            }
        }
        for idx in hashes.indices {
            insert(idx, &table, mask)
            fill += 1
            if fill * 5 >= mask * 3 {
                let used = fill
                var newSize = 8
                while newSize <= used * 4 { newSize <<= 1 }
                let old = table
                mask = newSize - 1
                table = [Int](repeating: -1, count: newSize)
                for e in old where e >= 0 { insert(e, &table, mask) }
            }
        }
        return table.filter { $0 >= 0 }
    }
}
