import BigInt
import Foundation

/// Operators on any values: number fast paths first, then builtin sequences, then the
/// user's dunder methods (`__add__`, then the other operand's `__radd__`), then
/// CPython's `TypeError`. Native objects take part through `NativeOperators`.
extension Interpreter {
    func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case let (.int(x), .int(y)): return try Arith.intOp(op, x, y)
        case let (.float(x), .float(y)): if let r = try Arith.floatOp(op, x, y) { return r }
        case let (.int(x), .float(y)): if let r = try Arith.floatOp(op, Double(x), y) { return r }
        case let (.float(x), .int(y)): if let r = try Arith.floatOp(op, x, Double(y)) { return r }
        default: break
        }
        if let r = try binaryBuiltin(op, a, b) { return r }
        return try binaryDunder(op, a, b, inPlace: false)
    }

    /// `a op= b`: `__iadd__` first, then the binary operator (lists extend in place).
    func inPlace(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch a {
        case .int, .float, .bool, .none: return try binary(op, a, b)
        case .object(let o):
            if let n = o as? NativeOperators, let r = try n.inPlaceOperator(self, op, b) { return r }
            if op == .add, let l = o as? PyList, !o.cls.isUserDefined {
                l.items.append(contentsOf: try iterate(b))
                return a
            }
            if o.cls.isUserDefined, let names = Dunder.binary[op], let m = o.cls.lookup(names.2) {
                let r = try call(m, [a, b])
                if case .object(let ro) = r, ro === T.notImplemented {} else { return r }
            }
            return try binary(op, a, b)
        }
    }

    private func binaryDunder(_ op: BinaryOperator, _ a: Value, _ b: Value, inPlace: Bool) throws -> Value {
        guard let (name, rname, _) = Dunder.binary[op] else { throw unsupported(op, a, b) }
        let ta = typeOf(a), tb = typeOf(b)
        if let n = a.asObject as? NativeOperators, let r = try n.binaryOperator(self, op, b, reflected: false) { return r }
        if let m = ta.lookup(name), !(ta.isBuiltin && isNativeSlot(m)) {
            let r = try call(m, [a, b])
            if !isNotImplemented(r) { return r }
        }
        if let n = b.asObject as? NativeOperators, let r = try n.binaryOperator(self, op, a, reflected: true) { return r }
        if ta !== tb, let m = tb.lookup(rname), !(tb.isBuiltin && isNativeSlot(m)) {
            let r = try call(m, [b, a])
            if !isNotImplemented(r) { return r }
        }
        throw unsupported(op, a, b)
    }

    private func isNativeSlot(_ v: Value) -> Bool {
        if case .object(let o) = v { return o is PyBuiltin }
        return false
    }

    func isNotImplemented(_ v: Value) -> Bool {
        if case .object(let o) = v { return o === T.notImplemented }
        return false
    }

    func unsupported(_ op: BinaryOperator, _ a: Value, _ b: Value) -> PyError {
        if op == .add, case .object(let o) = a, o is PyStr, !(o.cls.isUserDefined) {
            return .typeError("can only concatenate str (not \"\(typeName(b))\") to str")
        }
        if op == .add, case .object(let o) = a, o is PyList {
            return .typeError("can only concatenate list (not \"\(typeName(b))\") to list")
        }
        if op == .add, case .object(let o) = a, o is PyTuple {
            return .typeError("can only concatenate tuple (not \"\(typeName(b))\") to tuple")
        }
        if op == .multiply, isSequence(a) || isSequence(b), !(Arith.isIntLike(a) && Arith.isIntLike(b)) {
            let other = isSequence(a) ? b : a
            return .typeError("can't multiply sequence by non-int of type '\(typeName(other))'")
        }
        let sym = op == .power ? "** or pow()" : op.rawValue
        return .typeError("unsupported operand type(s) for \(sym): '\(typeName(a))' and '\(typeName(b))'")
    }

    private func isSequence(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        return o is PyStr || o is PyList || o is PyTuple || o is PyBytes
    }

    /// Builtin behaviour for non-float/int pairs: big ints, bools, sequences, sets, dicts.
    private func binaryBuiltin(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
        if Arith.isIntLike(a) && Arith.isIntLike(b) {
            if case .object(let o) = a, o.cls.isUserDefined { return nil }
            if case .object(let o) = b, o.cls.isUserDefined { return nil }
            if case let .bool(x) = a, case let .bool(y) = b {
                switch op {
                case .bitAnd: return .bool(x && y)
                case .bitOr: return .bool(x || y)
                case .bitXor: return .bool(x != y)
                default: break
                }
            }
            if let x = Arith.big(a), let y = Arith.big(b) {
                if let xi = Int(exactly: x), let yi = Int(exactly: y) { return try Arith.intOp(op, xi, yi) }
                return try Arith.bigOp(op, x, y)
            }
        }
        let aNum = Arith.isIntLike(a) || { if case .float = a { return true }; return false }()
        let bNum = Arith.isIntLike(b) || { if case .float = b { return true }; return false }()
        if aNum && bNum, let x = try Arith.double(a), let y = try Arith.double(b) {
            return try Arith.floatOp(op, x, y)
        }
        guard case .object(let oa) = a else {
            if op == .multiply, case .object(let ob) = b, !ob.cls.isUserDefined, case .int(let n) = a {
                return try repeatSequence(ob, n)
            }
            if op == .multiply, case .object(let ob) = b, !ob.cls.isUserDefined, case .bool(let n) = a {
                return try repeatSequence(ob, n ? 1 : 0)
            }
            return nil
        }
        if oa.cls.isUserDefined && oa.cls.lookupUser(Dunder.binary[op]?.0 ?? "") != nil { return nil }
        switch op {
        case .add:
            if let s = oa as? PyStr, case .object(let ob) = b, let t = ob as? PyStr { return .str(s.value + t.value) }
            if let l = oa as? PyList, case .object(let ob) = b, let m = ob as? PyList { return .object(PyList(l.items + m.items)) }
            if let l = oa as? PyTuple, case .object(let ob) = b, let m = ob as? PyTuple { return .object(PyTuple(l.items + m.items)) }
            if let l = oa as? PyBytes, case .object(let ob) = b, let m = ob as? PyBytes { return .object(PyBytes(l.bytes + m.bytes)) }
        case .multiply:
            if case .int(let n) = b { return try repeatSequence(oa, n) }
            if case .bool(let n) = b { return try repeatSequence(oa, n ? 1 : 0) }
        case .modulo:
            if let s = oa as? PyStr { return .str(try percentFormat(s.value, b)) }
        case .bitOr, .bitAnd, .subtract, .bitXor:
            if let s = oa as? PySet, case .object(let ob) = b, let t = ob as? PySet {
                return .object(try setOperation(op, s, t))
            }
            if let s = oa as? PyDictView, case .object(let ob) = b {
                return .object(try setOperation(op, try s.asSet(self), try makeSet(iterate(.object(ob)))))
            }
            if op == .bitOr, let d = oa as? PyDict, case .object(let ob) = b, let e = ob as? PyDict {
                let r = PyDict()
                r.table = d.table
                for (k, v) in e.table.entries { try r.setItem(k, v) }
                return .object(r)
            }
        default: break
        }
        return nil
    }

    private func repeatSequence(_ o: PyObject, _ n: Int) throws -> Value? {
        let count = max(0, n)
        if let s = o as? PyStr { return .str(String(repeating: s.value, count: count)) }
        if let l = o as? PyList {
            var r: [Value] = []
            r.reserveCapacity(l.items.count * count)
            for _ in 0..<count { r.append(contentsOf: l.items) }
            return .object(PyList(r))
        }
        if let l = o as? PyTuple {
            var r: [Value] = []
            for _ in 0..<count { r.append(contentsOf: l.items) }
            return .object(PyTuple(r))
        }
        if let l = o as? PyBytes {
            var r: [UInt8] = []
            for _ in 0..<count { r.append(contentsOf: l.bytes) }
            return .object(PyBytes(r))
        }
        return nil
    }

    func unary(_ op: UnaryOperator, _ v: Value) throws -> Value {
        switch (op, v) {
        case (.not, _): return .bool(!(try truthy(v)))
        case let (.negate, .int(i)): return i == Int.min ? .bigint(-BigInt(i)) : .int(-i)
        case let (.negate, .float(d)): return .float(-d)
        case let (.negate, .bool(b)): return .int(b ? -1 : 0)
        case (.plus, .int), (.plus, .float): return v
        case let (.plus, .bool(b)): return .int(b ? 1 : 0)
        case let (.invert, .int(i)): return .int(~i)
        case let (.invert, .bool(b)): return .int(~(b ? 1 : 0))
        default: break
        }
        if case .object(let o) = v, let b = o as? PyBigInt {
            switch op {
            case .negate: return .bigint(-b.value)
            case .plus: return v
            case .invert: return .bigint(-b.value - 1)
            case .not: break
            }
        }
        if let n = v.asObject as? NativeOperators, let r = try n.unaryOperator(self, op) { return r }
        let name = op == .negate ? "__neg__" : op == .plus ? "__pos__" : "__invert__"
        if let m = typeOf(v).lookupUser(name) { return try call(m, [v]) }
        throw PyError.typeError("bad operand type for unary \(op.rawValue): '\(typeName(v))'")
    }

    // MARK: Truth

    @inline(__always) func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .object(let o): return try objectTruthy(o)
        }
    }

    private func objectTruthy(_ o: PyObject) throws -> Bool {
        if o.cls.isUserDefined {
            if let m = o.cls.lookupUser("__bool__") {
                let r = try call(m, [.object(o)])
                guard case .bool(let b) = r else {
                    throw PyError.typeError("__bool__ should return bool, returned \(typeName(r))")
                }
                return b
            }
            if let m = o.cls.lookupUser("__len__") {
                return try toInt(call(m, [.object(o)])) != 0
            }
        }
        switch o {
        case let s as PyStr: return !s.value.isEmpty
        case let l as PyList: return !l.items.isEmpty
        case let t as PyTuple: return !t.items.isEmpty
        case let d as PyDict: return d.count > 0
        case let s as PySet: return s.count > 0
        case let r as PyRange: return r.count > 0
        case let b as PyBytes: return !b.bytes.isEmpty
        case is PyBigInt: return true
        case let n as NativeObject: return try n.truthy(self)
        default: return true
        }
    }

    // MARK: Comparison

    func compare(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .is: return .bool(a.isIdentical(b))
        case .isNot: return .bool(!a.isIdentical(b))
        case .in: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        case .equal:
            if case let (.int(x), .int(y)) = (a, b) { return .bool(x == y) }
            return try richEquals(a, b, negate: false)
        case .notEqual:
            if case let (.int(x), .int(y)) = (a, b) { return .bool(x != y) }
            return try richEquals(a, b, negate: true)
        case .less, .lessEqual, .greater, .greaterEqual:
            switch (a, b) {
            case let (.int(x), .int(y)): return .bool(Interpreter.order(op, x < y ? -1 : x == y ? 0 : 1))
            case let (.float(x), .float(y)): return .bool(Interpreter.floatOrder(op, x, y))
            case let (.int(x), .float(y)) where abs(x) < 1 << 53: return .bool(Interpreter.floatOrder(op, Double(x), y))
            case let (.float(x), .int(y)) where abs(y) < 1 << 53: return .bool(Interpreter.floatOrder(op, x, Double(y)))
            default: return try richOrder(op, a, b)
            }
        }
    }

    static func order(_ op: CompareOperator, _ c: Int) -> Bool {
        switch op {
        case .less: return c < 0
        case .lessEqual: return c <= 0
        case .greater: return c > 0
        default: return c >= 0
        }
    }

    static func floatOrder(_ op: CompareOperator, _ x: Double, _ y: Double) -> Bool {
        switch op {
        case .less: return x < y
        case .lessEqual: return x <= y
        case .greater: return x > y
        default: return x >= y
        }
    }

    func equals(_ a: Value, _ b: Value) throws -> Bool {
        if case let (.int(x), .int(y)) = (a, b) { return x == y }
        return try truthy(richEquals(a, b, negate: false))
    }

    private func richEquals(_ a: Value, _ b: Value, negate: Bool) throws -> Value {
        let ta = typeOf(a), tb = typeOf(b)
        let op: CompareOperator = negate ? .notEqual : .equal
        if let n = a.asObject as? NativeOperators, let r = try n.compareOperator(self, op, b) { return r }
        if ta.isUserDefined || tb.isUserDefined {
            let name = negate ? "__ne__" : "__eq__"
            if let m = ta.lookupUser(name) {
                let r = try call(m, [a, b])
                if !isNotImplemented(r) { return r }
            }
            if let m = tb.lookupUser(name) {
                let r = try call(m, [b, a])
                if !isNotImplemented(r) { return r }
            }
            if negate, ta.lookupUser("__eq__") != nil || tb.lookupUser("__eq__") != nil {
                return .bool(!(try equals(a, b)))
            }
        }
        if let n = b.asObject as? NativeOperators, let r = try n.compareOperator(self, op, a) { return r }
        if let r = try builtinEquals(a, b) { return .bool(negate ? !r : r) }
        return .bool(negate ? !a.isIdentical(b) : a.isIdentical(b))
    }

    /// `==` for builtin values; nil when the types have no builtin equality (identity decides).
    func builtinEquals(_ a: Value, _ b: Value) throws -> Bool? {
        switch (a, b) {
        case (.none, .none): return true
        case let (.float(x), .float(y)): return x == y
        case let (.int(x), .float(y)) where abs(x) < 1 << 53: return Double(x) == y
        case let (.float(x), .int(y)) where abs(y) < 1 << 53: return x == Double(y)
        default: break
        }
        if Arith.isIntLike(a) && Arith.isIntLike(b) { return Arith.big(a) == Arith.big(b) }
        if case .int(let x) = a, case .float(let y) = b {
            return y.isFinite && y == y.rounded() && BigInt(x) == BigInt(exactly: y)
        }
        if Arith.isIntLike(a), case .float(let y) = b { return y.isFinite && y == y.rounded() && Arith.big(a) == BigInt(exactly: y) }
        if Arith.isIntLike(b), case .float = a { return try builtinEquals(b, a) }
        guard case .object(let x) = a, case .object(let y) = b else { return nil }
        if x === y { return true }
        switch (x, y) {
        case let (s as PyStr, t as PyStr): return s.value == t.value
        case let (s as PyList, t as PyList): return try sequenceEquals(s.items, t.items)
        case let (s as PyTuple, t as PyTuple): return try sequenceEquals(s.items, t.items)
        case let (s as PyBytes, t as PyBytes): return s.bytes == t.bytes
        case let (s as PyDict, t as PyDict):
            guard s.count == t.count else { return false }
            for (k, v) in s.table.entries {
                guard let w = t.table.get(try hashKey(k)), try equals(v, w) else { return false }
            }
            return true
        case let (s as PySet, t as PySet):
            guard s.count == t.count else { return false }
            for k in s.table.liveKeys where t.table.find(try hashKey(k)) == nil { return false }
            return true
        case let (s as PyRange, t as PyRange):
            return s.count == t.count && (s.count == 0 || (s.start == t.start && (s.count == 1 || s.step == t.step)))
        case let (s as PyDictView, t as PyDictView):
            return try builtinEquals(.object(s.asSet(self)), .object(t.asSet(self)))
        case let (s as PyDictView, t as PySet):
            return try builtinEquals(.object(s.asSet(self)), .object(t))
        case let (n as NativeObject, _):
            return try n.equals(self, b)
        default: return nil
        }
    }

    /// Exact int-vs-float ordering (no rounding of the int); nil when the float is NaN.
    static func compareExact(_ x: BigInt, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d.isInfinite { return d > 0 ? -1 : 1 }
        let floorD = d.rounded(.down)
        let fb = BigInt(floorD)
        if x < fb { return -1 }
        if x > fb { return 1 }
        return floorD == d ? 0 : -1
    }

    private func sequenceEquals(_ a: [Value], _ b: [Value]) throws -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where !(a[i].isIdentical(b[i])) {
            if !(try equals(a[i], b[i])) { return false }
        }
        return true
    }

    private func richOrder(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Value {
        let (name, reflected): (String, String)
        switch op {
        case .less: (name, reflected) = ("__lt__", "__gt__")
        case .lessEqual: (name, reflected) = ("__le__", "__ge__")
        case .greater: (name, reflected) = ("__gt__", "__lt__")
        default: (name, reflected) = ("__ge__", "__le__")
        }
        let ta = typeOf(a), tb = typeOf(b)
        if let n = a.asObject as? NativeOperators, let r = try n.compareOperator(self, op, b) { return r }
        if let m = ta.lookupUser(name) {
            let r = try call(m, [a, b])
            if !isNotImplemented(r) { return r }
        }
        if let n = b.asObject as? NativeOperators, let r = try n.compareOperator(self, Interpreter.reflected(op), a) { return r }
        if let m = tb.lookupUser(reflected) {
            let r = try call(m, [b, a])
            if !isNotImplemented(r) { return r }
        }
        if let c = try builtinCompare(a, b) { return .bool(Interpreter.order(op, c)) }
        if let x = (try? Arith.double(a)) ?? nil, let y = (try? Arith.double(b)) ?? nil,
           !(Arith.isIntLike(a) && Arith.isIntLike(b)) {
            return .bool(Interpreter.floatOrder(op, x, y))
        }
        if let s = a.asObject as? PySet, let t = b.asObject as? PySet {
            return .bool(try setOrder(op, s, t))
        }
        throw PyError.typeError("'\(op.rawValue)' not supported between instances of '\(typeName(a))' and '\(typeName(b))'")
    }

    /// Three-way comparison for builtin orderable pairs; nil when not orderable.
    func builtinCompare(_ a: Value, _ b: Value) throws -> Int? {
        if Arith.isIntLike(a) && Arith.isIntLike(b), let x = Arith.big(a), let y = Arith.big(b) {
            return x < y ? -1 : x == y ? 0 : 1
        }
        if Arith.isIntLike(a), case .float(let d) = b, let x = Arith.big(a) { return Interpreter.compareExact(x, d) }
        if Arith.isIntLike(b), case .float(let d) = a, let y = Arith.big(b) { return Interpreter.compareExact(y, d).map { -$0 } }
        guard case .object(let x) = a, case .object(let y) = b else { return nil }
        switch (x, y) {
        case let (s as PyStr, t as PyStr):
            return s.value == t.value ? 0 : (s.value.unicodeScalars.lexicographicallyPrecedes(t.value.unicodeScalars) { $0.value < $1.value } ? -1 : 1)
        case let (s as PyList, t as PyList): return try sequenceCompare(s.items, t.items)
        case let (s as PyTuple, t as PyTuple): return try sequenceCompare(s.items, t.items)
        case let (s as PyBytes, t as PyBytes): return s.bytes == t.bytes ? 0 : (s.bytes.lexicographicallyPrecedes(t.bytes) ? -1 : 1)
        default: return nil
        }
    }

    private func sequenceCompare(_ a: [Value], _ b: [Value]) throws -> Int {
        for i in 0..<min(a.count, b.count) {
            if a[i].isIdentical(b[i]) { continue }
            if try equals(a[i], b[i]) { continue }
            return try truthy(compare(.less, a[i], b[i])) ? -1 : 1
        }
        return a.count < b.count ? -1 : a.count == b.count ? 0 : 1
    }

    /// `a < b` as a Bool, for sorting.
    func lessThan(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y
        case let (.float(x), .float(y)): return x < y
        case let (.object(x as PyStr), .object(y as PyStr)) where !x.cls.isUserDefined:
            return x.value.unicodeScalars.lexicographicallyPrecedes(y.value.unicodeScalars) { $0.value < $1.value }
        default: return try truthy(compare(.less, a, b))
        }
    }

    // MARK: Hashing

    func hashKey(_ v: Value) throws -> HashKey {
        HashKey(value: v, hash: try hash(v))
    }

    func hash(_ v: Value) throws -> Int {
        switch v {
        case .none: return 0x5f3759df
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return PythonHash.int(i)
        case .float(let d): return PythonHash.double(d)
        case .object(let o):
            if o.cls.isUserDefined {
                if let m = o.cls.lookupUser("__hash__") {
                    if m.isNone { throw PyError.typeError("unhashable type: '\(o.typeName)'") }
                    return try toInt(call(m, [v]))
                }
                if o.cls.lookupUser("__eq__") != nil {
                    throw PyError.typeError("unhashable type: '\(o.typeName)'")
                }
            }
            switch o {
            case let s as PyStr: return s.hashValue
            case let b as PyBigInt: return PythonHash.big(b.value)
            case let t as PyTuple: return PythonHash.tuple(try t.items.map { try hash($0) })
            case let b as PyBytes: return b.bytes.hashValue
            case let s as PySet where s.isFrozen:
                var acc = 0
                for k in s.table.liveKeys { acc ^= try hash(k) &* 1_000_003 }
                return acc
            case is PyList, is PyDict, is PySet:
                throw PyError.typeError("unhashable type: '\(o.typeName)'")
            case let n as NativeObject:
                return try n.hash(self)
            default:
                return ObjectIdentifier(o).hashValue
            }
        }
    }

    // MARK: Containment

    func contains(_ container: Value, _ item: Value) throws -> Bool {
        guard case .object(let o) = container else {
            throw PyError.typeError("argument of type '\(typeName(container))' is not iterable")
        }
        if o.cls.isUserDefined, let m = o.cls.lookupUser("__contains__") {
            return try truthy(call(m, [container, item]))
        }
        switch o {
        case let s as PyStr:
            guard case .object(let io) = item, let sub = io as? PyStr else {
                throw PyError.typeError("'in <string>' requires string as left operand, not \(typeName(item))")
            }
            return sub.value.isEmpty || s.value.contains(sub.value)
        case let l as PyList:
            for x in l.items {
                if x.isIdentical(item) { return true }
                if try equals(x, item) { return true }
            }
            return false
        case let t as PyTuple:
            for x in t.items {
                if x.isIdentical(item) { return true }
                if try equals(x, item) { return true }
            }
            return false
        case let d as PyDict: return d.table.find(try hashKey(item)) != nil
        case let s as PySet: return s.table.find(try hashKey(item)) != nil
        case let r as PyRange:
            guard case .int(let i) = item else { return false }
            if r.step > 0 { return i >= r.start && i < r.stop && (i - r.start) % r.step == 0 }
            return i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
        case let b as PyBytes:
            if case .int(let i) = item { return b.bytes.contains(UInt8(truncatingIfNeeded: i)) }
            if case .object(let io) = item, let sub = io as? PyBytes {
                return sub.bytes.isEmpty || b.bytes.indices.contains { b.bytes[$0...].starts(with: sub.bytes) }
            }
            return false
        case let v as PyDictView:
            if v.kind == .keys { return v.dict.table.find(try hashKey(item)) != nil }
            for x in try v.items(self) where try equals(x, item) { return true }
            return false
        default:
            let it = try getIterator(container)
            while let x = try it() {
                if x.isIdentical(item) { return true }
                if try equals(x, item) { return true }
            }
            return false
        }
    }
}

/// Native objects whose Python class implements operators (torch tensors). Each method
/// returns nil for Python's `NotImplemented`, so the other operand, then CPython's
/// `TypeError`, get their turn.
protocol NativeOperators: AnyObject {
    /// `self op other`, or `other op self` when `reflected` (`2 * t`).
    func binaryOperator(_ rt: Interpreter, _ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value?
    /// `self op= other`, changing `self`; nil falls back to `self = self op other`.
    func inPlaceOperator(_ rt: Interpreter, _ op: BinaryOperator, _ other: Value) throws -> Value?
    /// `self op other` for `== != < <= > >=`.
    func compareOperator(_ rt: Interpreter, _ op: CompareOperator, _ other: Value) throws -> Value?
    func unaryOperator(_ rt: Interpreter, _ op: UnaryOperator) throws -> Value?
}

extension Interpreter {
    /// The operator that gives the same answer with the operands swapped (`a < b` is `b > a`).
    static func reflected(_ op: CompareOperator) -> CompareOperator {
        switch op {
        case .less: return .greater
        case .lessEqual: return .greaterEqual
        case .greater: return .less
        case .greaterEqual: return .lessEqual
        default: return op
        }
    }
}
