/// `obj[key]`, `obj[key] = v`, `del obj[key]` and slices, with Python's negative
/// indices and `IndexError`/`KeyError` texts.
extension Interpreter {
    func getItem(_ v: Value, _ key: Value) throws -> Value {
        guard case .object(let o) = v else {
            throw PyError.typeError("'\(typeName(v))' object is not subscriptable")
        }
        if o.cls.isUserDefined, let m = o.cls.lookupUser("__getitem__") { return try call(m, [v, key]) }
        switch o {
        case let l as PyList:
            if case .int(let i) = key {
                let j = i < 0 ? i + l.items.count : i
                guard j >= 0 && j < l.items.count else { throw PyError.indexError("list index out of range") }
                return l.items[j]
            }
            if let s = key.asObject as? PySlice { return .object(PyList(try sliceItems(l.items, s))) }
            let i = try index(key, "list")
            let j = i < 0 ? i + l.items.count : i
            guard j >= 0 && j < l.items.count else { throw PyError.indexError("list index out of range") }
            return l.items[j]
        case let t as PyTuple:
            if let s = key.asObject as? PySlice { return .object(PyTuple(try sliceItems(t.items, s))) }
            let i = try index(key, "tuple")
            let j = i < 0 ? i + t.items.count : i
            guard j >= 0 && j < t.items.count else { throw PyError.indexError("tuple index out of range") }
            return t.items[j]
        case let d as PyDict:
            if let r = d.table.get(try hashKey(key)) { return r }
            if d.cls.isUserDefined, let missing = d.cls.lookupUser("__missing__") { return try call(missing, [v, key]) }
            throw PyError.keyError(key)
        case let s as PyStr:
            if let sl = key.asObject as? PySlice {
                let scalars = s.scalars
                let (start, _, step, count) = try sliceIndices(sl, scalars.count)
                var out = String.UnicodeScalarView()
                var i = start
                for _ in 0..<count {
                    out.append(scalars[i])
                    i += step
                }
                return .str(String(out))
            }
            let i = try index(key, "string")
            let scalars = s.scalars
            let j = i < 0 ? i + scalars.count : i
            guard j >= 0 && j < scalars.count else { throw PyError.indexError("string index out of range") }
            return .str(String(scalars[j]))
        case let r as PyRange:
            if let sl = key.asObject as? PySlice {
                let (start, _, step, count) = try sliceIndices(sl, r.count)
                let newStart = r.start + start * r.step
                return .object(PyRange(newStart, newStart + count * step * r.step, step * r.step))
            }
            let i = try index(key, "range")
            let n = r.count
            let j = i < 0 ? i + n : i
            guard j >= 0 && j < n else { throw PyError.indexError("range object index out of range") }
            return .int(r.start + j * r.step)
        case let b as PyBytes:
            if let sl = key.asObject as? PySlice {
                return .object(PyBytes(try sliceItems(b.bytes.map { Value.int(Int($0)) }, sl).map { v in
                    if case .int(let i) = v { return UInt8(i) }
                    return 0
                }))
            }
            let i = try index(key, "index")
            let j = i < 0 ? i + b.bytes.count : i
            guard j >= 0 && j < b.bytes.count else { throw PyError.indexError("index out of range") }
            return .int(Int(b.bytes[j]))
        case let c as PyClass:
            if c.lookup("__class_getitem__") != nil { return try call(getAttr(v, "__class_getitem__"), [key]) }
            // `list[int]`, `dict[str, int]`: type hints evaluate to the class itself.
            if c.isBuiltin { return v }
            throw PyError.typeError("'type' object is not subscriptable")
        case let n as NativeObject:
            return try n.getItem(self, key)
        default:
            if let m = o.cls.lookup("__getitem__") { return try call(m, [v, key]) }
            throw PyError.typeError("'\(o.typeName)' object is not subscriptable")
        }
    }

    func index(_ key: Value, _ what: String) throws -> Int {
        switch key {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if o is PyBigInt { throw PyError.indexError("cannot fit 'int' into an index-sized integer") }
            if let m = o.cls.lookupUser("__index__") { return try toInt(call(m, [key])) }
        default: break
        }
        if what == "string" { throw PyError.typeError("string indices must be integers, not '\(typeName(key))'") }
        throw PyError.typeError("\(what) indices must be integers or slices, not \(typeName(key))")
    }

    /// Start, stop, step and element count of a slice applied to a sequence of `length`.
    func sliceIndices(_ s: PySlice, _ length: Int) throws -> (Int, Int, Int, Int) {
        func idx(_ v: Value) throws -> Int? {
            if v.isNone { return nil }
            if case .object(let o) = v, let b = o as? PyBigInt { return b.value.sign == .minus ? Int.min / 2 : Int.max / 2 }
            return try index(v, "slice")
        }
        let step = try idx(s.step) ?? 1
        if step == 0 { throw PyError.valueError("slice step cannot be zero") }
        var start: Int, stop: Int
        if step > 0 {
            start = try idx(s.lower) ?? 0
            stop = try idx(s.upper) ?? length
            if start < 0 { start = max(0, start + length) } else { start = min(start, length) }
            if stop < 0 { stop = max(0, stop + length) } else { stop = min(stop, length) }
            let count = stop > start ? (stop - start - 1) / step + 1 : 0
            return (start, stop, step, count)
        } else {
            start = try idx(s.lower) ?? (length - 1)
            stop = try idx(s.upper) ?? -1 - length
            if start < 0 { start = max(-1, start + length) } else { start = min(start, length - 1) }
            if stop < 0 { stop = max(-1, stop + length) } else { stop = min(stop, length - 1) }
            let count = start > stop ? (start - stop - 1) / (-step) + 1 : 0
            return (start, stop, step, count)
        }
    }

    func sliceItems<E>(_ items: [E], _ s: PySlice) throws -> [E] {
        let (start, _, step, count) = try sliceIndices(s, items.count)
        if step == 1 { return Array(items[start..<(start + count)]) }
        var out: [E] = []
        out.reserveCapacity(count)
        var i = start
        for _ in 0..<count {
            out.append(items[i])
            i += step
        }
        return out
    }

    func setItem(_ target: Value, _ key: Value, _ value: Value) throws {
        guard case .object(let o) = target else {
            throw PyError.typeError("'\(typeName(target))' object does not support item assignment")
        }
        if o.cls.isUserDefined, let m = o.cls.lookupUser("__setitem__") {
            _ = try call(m, [target, key, value])
            return
        }
        switch o {
        case let l as PyList:
            if let s = key.asObject as? PySlice {
                let (start, stop, step, count) = try sliceIndices(s, l.items.count)
                let newItems = try iterate(value)
                if step == 1 {
                    l.items.replaceSubrange(start..<max(start, stop), with: newItems)
                } else {
                    guard newItems.count == count else {
                        throw PyError.valueError("attempt to assign sequence of size \(newItems.count) to extended slice of size \(count)")
                    }
                    var i = start
                    for item in newItems {
                        l.items[i] = item
                        i += step
                    }
                }
                return
            }
            let i = try index(key, "list")
            let j = i < 0 ? i + l.items.count : i
            guard j >= 0 && j < l.items.count else { throw PyError.indexError("list assignment index out of range") }
            l.items[j] = value
        case let d as PyDict:
            d.set(try hashKey(key), value)
            if let owner = d.attributeOwner, case .object(let ko) = key, let name = ko as? PyStr {
                owner.setAttrValue(name.value, value)
            }
        case let n as NativeObject:
            try n.setItem(self, key, value)
        default:
            throw PyError.typeError("'\(o.typeName)' object does not support item assignment")
        }
    }

    func delItem(_ target: Value, _ key: Value) throws {
        guard case .object(let o) = target else {
            throw PyError.typeError("'\(typeName(target))' object does not support item deletion")
        }
        if o.cls.isUserDefined, let m = o.cls.lookupUser("__delitem__") {
            _ = try call(m, [target, key])
            return
        }
        switch o {
        case let l as PyList:
            if let s = key.asObject as? PySlice {
                let (start, _, step, count) = try sliceIndices(s, l.items.count)
                var remove = Set<Int>()
                var i = start
                for _ in 0..<count {
                    remove.insert(i)
                    i += step
                }
                l.items = l.items.enumerated().filter { !remove.contains($0.offset) }.map(\.element)
                return
            }
            let i = try index(key, "list")
            let j = i < 0 ? i + l.items.count : i
            guard j >= 0 && j < l.items.count else { throw PyError.indexError("list assignment index out of range") }
            l.items.remove(at: j)
        case let d as PyDict:
            guard d.table.remove(try hashKey(key)) != nil else { throw PyError.keyError(key) }
            d.version &+= 1
            if let owner = d.attributeOwner, case .object(let ko) = key, let name = ko as? PyStr {
                _ = owner.removeAttrValue(name.value)
            }
        default:
            throw PyError.typeError("'\(o.typeName)' object does not support item deletion")
        }
    }
}
