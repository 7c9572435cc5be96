import BigInt
import Foundation

/// Calling a builtin type: `int("42")`, `list(range(3))`, `type(x)`, `super(C, self)`...
/// Each is the type's `__new__`; container types also have an `__init__` so that user
/// subclasses (`class Registry(dict)`) fill their native storage through `super().__init__`.
enum TypeConstructors {
    static func install() {
        def(T.object, "__new__", "cls, *args, **kwargs") { rt, a in
            guard case .object(let o) = a[0], let c = o as? PyClass else { throw PyError.typeError("object.__new__(X): X is not a type object") }
            let inst = (c.factory ?? { PyInstance($0) })(c)
            if inst.attrs == nil && !c.isBuiltin { inst.attrs = AttrTable() }
            if let e = inst as? PyException, case .object(let t) = a[1], let tuple = t as? PyTuple { e.args = tuple.items }
            return .object(inst)
        }
        def(T.object, "__init__", "self, *args, **kwargs") { _, _ in .none }
        if case .object(let o)? = T.object.dict["__init__"] { T.objectInit = o }

        def(T.type, "__new__", "cls, *args") { rt, a in
            guard case .object(let t) = a[1], let args = t as? PyTuple else { return .none }
            if args.items.count == 1 { return .object(typeOf(args.items[0])) }
            guard args.items.count == 3 else { throw PyError.typeError("type() takes 1 or 3 arguments") }
            let name = try rt.toStr(args.items[0])
            let bases = try rt.iterate(args.items[1]).compactMap { $0.asObject as? PyClass }
            let ns = ClassNamespace()
            guard case .object(let dobj) = args.items[2], let d = dobj as? PyDict else { throw PyError.typeError("type() argument 3 must be dict") }
            for (k, v) in d.table.entries { ns.set(try rt.toStr(k), v) }
            if ns.values["__module__"] == nil { ns.set("__module__", .str("__main__")) }
            return .object(try rt.makeClass(name: name, qualname: name, bases: bases, namespace: ns))
        }
        def(T.int, "__new__", "cls, x=<missing>, /, base=<missing>") { rt, a in
            let v = try rt.intConstructor(a[1], a[2])
            guard case .object(let o) = a[0], let c = o as? PyClass, c !== T.int else { return v }
            throw PyError.notImplemented("subclasses of int")
        }
        def(T.bool, "__new__", "cls, x=False, /") { rt, a in .bool(try rt.truthy(a[1])) }
        def(T.float, "__new__", "cls, x=0.0, /") { rt, a in
            let v = Value.float(try rt.floatConstructor(a[1]))
            guard case .object(let o) = a[0], let c = o as? PyClass, c !== T.float else { return v }
            throw PyError.notImplemented("subclasses of float")
        }
        def(T.str, "__new__", "cls, object='', encoding=None, errors=None") { rt, a in
            let s: String
            if !a[2].isNone, case .object(let o) = a[1], let b = o as? PyBytes {
                s = try Codec.decode(b.bytes, encoding: rt.toStr(a[2]), errors: a[3].isNone ? "strict" : rt.toStr(a[3]))
            } else {
                s = try rt.str(a[1])
            }
            guard case .object(let o) = a[0], let c = o as? PyClass, c !== T.str else { return .str(s) }
            let inst = PyStr(s, cls: c)
            inst.attrs = AttrTable()
            return .object(inst)
        }
        def(T.bytes, "__new__", "cls, source=<missing>, encoding=None, errors=None") { rt, a in
            if case .object(let o) = a[1], o === Missing.value { return .object(PyBytes([])) }
            if case .object(let o) = a[1], let s = o as? PyStr {
                guard !a[2].isNone else { throw PyError.typeError("string argument without an encoding") }
                return .object(PyBytes(try Codec.encode(s.value, encoding: rt.toStr(a[2]), errors: "strict")))
            }
            if case .int(let n) = a[1] { return .object(PyBytes([UInt8](repeating: 0, count: max(0, n)))) }
            let items = try rt.iterate(a[1]).map { v -> UInt8 in
                let i = try rt.toInt(v)
                guard i >= 0 && i < 256 else { throw PyError.valueError("bytes must be in range(0, 256)") }
                return UInt8(i)
            }
            return .object(PyBytes(items))
        }
        def(T.list, "__new__", "cls, *args, **kwargs") { rt, a in
            guard case .object(let o) = a[0], let c = o as? PyClass else { return .none }
            guard case .object(let t) = a[1], let args = t as? PyTuple else { return .none }
            if args.items.count > 1 { throw PyError.typeError("list expected at most 1 argument, got \(args.items.count)") }
            return .object(PyList(try args.items.first.map { try rt.iterate($0) } ?? [], cls: c))
        }
        def(T.list, "__init__", "self, iterable=()") { rt, a in
            guard case .object(let o) = a[0], let l = o as? PyList else { return .none }
            l.items = try rt.iterate(a[1])
            return .none
        }
        def(T.tuple, "__new__", "cls, iterable=(), /") { rt, a in
            guard case .object(let o) = a[0], let c = o as? PyClass else { return .none }
            if c === T.tuple, case .object(let io) = a[1], io.cls === T.tuple { return a[1] }
            let t = PyTuple(try rt.iterate(a[1]), cls: c)
            if c !== T.tuple { t.attrs = AttrTable() }
            return .object(t)
        }
        def(T.dict, "__new__", "cls, *args, **kwargs") { rt, a in
            guard case .object(let o) = a[0], let c = o as? PyClass else { return .none }
            let d = PyDict(cls: c)
            try rt.dictUpdate(d, a[1], a[2])
            return .object(d)
        }
        def(T.dict, "__init__", "self, *args, **kwargs") { rt, a in
            guard case .object(let o) = a[0], let d = o as? PyDict else { return .none }
            try rt.dictUpdate(d, a[1], a[2])
            return .none
        }
        def(T.set, "__new__", "cls, iterable=(), /") { rt, a in
            guard case .object(let o) = a[0], let c = o as? PyClass else { return .none }
            let s = try rt.makeSet(rt.iterate(a[1]))
            s.cls = c
            return .object(s)
        }
        def(T.set, "__init__", "self, iterable=(), /") { rt, a in
            guard case .object(let o) = a[0], let s = o as? PySet else { return .none }
            s.table = try rt.makeSet(rt.iterate(a[1])).table
            return .none
        }
        def(T.frozenset, "__new__", "cls, iterable=(), /") { rt, a in
            .object(try rt.makeSet(rt.iterate(a[1]), frozen: true))
        }
        def(T.range, "__new__", "cls, a, b=<missing>, step=1, /") { rt, a in
            let step = try rt.rangeArg(a[3])
            if step == 0 { throw PyError.valueError("range() arg 3 must not be zero") }
            if case .object(let m) = a[2], m === Missing.value { return .object(PyRange(0, try rt.rangeArg(a[1]), 1)) }
            return .object(PyRange(try rt.rangeArg(a[1]), try rt.rangeArg(a[2]), step))
        }
        def(T.slice, "__new__", "cls, a, b=<missing>, c=None, /") { _, a in
            if case .object(let m) = a[2], m === Missing.value { return .object(PySlice(.none, a[1], .none)) }
            return .object(PySlice(a[1], a[2], a[3]))
        }
        def(T.property, "__new__", "cls, fget=None, fset=None, fdel=None, doc=None") { rt, a in
            var doc = a[4]
            if doc.isNone, case .object(let fo) = a[1], let f = fo as? PyFunction { doc = f.doc }
            return .object(PyProperty(getter: a[1], setter: a[2], deleter: a[3], doc: doc))
        }
        def(T.property, "setter", "self, fset") { _, a in
            guard case .object(let o) = a[0], let p = o as? PyProperty else { return .none }
            return .object(PyProperty(getter: p.getter, setter: a[1], deleter: p.deleter, doc: p.doc))
        }
        def(T.property, "getter", "self, fget") { _, a in
            guard case .object(let o) = a[0], let p = o as? PyProperty else { return .none }
            return .object(PyProperty(getter: a[1], setter: p.setter, deleter: p.deleter, doc: p.doc))
        }
        def(T.property, "deleter", "self, fdel") { _, a in
            guard case .object(let o) = a[0], let p = o as? PyProperty else { return .none }
            return .object(PyProperty(getter: p.getter, setter: p.setter, deleter: a[1], doc: p.doc))
        }
        def(T.property, "__get__", "self, obj, objtype=None") { rt, a in
            guard case .object(let o) = a[0], let p = o as? PyProperty else { return .none }
            return try rt.call(p.getter, [a[1]])
        }
        def(T.staticmethod, "__new__", "cls, function") { _, a in .object(PyStaticMethod(a[1])) }
        def(T.classmethod, "__new__", "cls, function") { _, a in .object(PyClassMethod(a[1])) }
        def(T.superType, "__new__", "cls, type=<missing>, obj=<missing>") { _, a in
            guard case .object(let o) = a[1], let start = o as? PyClass else {
                throw PyError.runtimeError("super(): no arguments")
            }
            if case .object(let m) = a[2], m === Missing.value { throw PyError.notImplemented("super() with one argument") }
            return .object(PySuper(start: start, receiver: a[2]))
        }
        // Exceptions: BaseException.__init__ stores the arguments.
        def(T.baseException, "__init__", "self, *args") { _, a in
            guard case .object(let o) = a[0], let e = o as? PyException, case .object(let t) = a[1], let args = t as? PyTuple else { return .none }
            e.args = args.items
            return .none
        }
        def(T.baseException, "with_traceback", "self, tb") { _, a in a[0] }
        def(T.baseException, "add_note", "self, note") { rt, a in
            guard case .object(let o) = a[0] else { return .none }
            let notes = (try? rt.getAttr(a[0], "__notes__")) ?? .none
            if case .object(let l) = notes, let list = l as? PyList { list.items.append(a[1]) } else {
                o.setAttrValue("__notes__", .object(PyList([a[1]])))
            }
            return .none
        }
        def(T.baseException, "__str__", "self") { rt, a in
            guard case .object(let o) = a[0], let e = o as? PyException else { return .str("") }
            return .str(try rt.exceptionStr(e))
        }
        def(T.baseException, "__repr__", "self") { rt, a in
            guard case .object(let o) = a[0], let e = o as? PyException else { return .str("") }
            let args = e.args.count == 1 ? "(" + (try rt.repr(e.args[0])) + ")" : try rt.repr(.object(PyTuple(e.args)))
            return .str(e.cls.name + args)
        }
        def(T.object, "__repr__", "self") { rt, a in
            let c = typeOf(a[0])
            guard case .object(let o) = a[0] else { return .str(try rt.repr(a[0])) }
            return .str("<\(c.module == "builtins" ? "" : c.module + ".")\(c.qualname) object at \(rt.address(o))>")
        }
        def(T.object, "__str__", "self") { rt, a in .str(try rt.repr(a[0])) }
        def(T.object, "__eq__", "self, other") { _, a in a[0].isIdentical(a[1]) ? .bool(true) : .object(T.notImplemented) }
        def(T.object, "__ne__", "self, other") { rt, a in .bool(!(try rt.equals(a[0], a[1]))) }
        def(T.object, "__hash__", "self") { _, a in
            guard case .object(let o) = a[0] else { return .int(0) }
            return .int(ObjectIdentifier(o).hashValue)
        }
        def(T.object, "__setattr__", "self, name, value") { rt, a in
            guard case .object(let o) = a[0] else { return .none }
            try rt.genericSetAttr(o, rt.toStr(a[1]), a[2])
            return .none
        }
        def(T.object, "__getattribute__", "self, name") { rt, a in
            guard let v = try rt.lookupAttr(a[0], rt.toStr(a[1])) else { throw rt.attributeError(a[0], try rt.toStr(a[1])) }
            return v
        }
        def(T.object, "__delattr__", "self, name") { rt, a in
            guard case .object(let o) = a[0] else { return .none }
            let name = try rt.toStr(a[1])
            if !o.removeAttrValue(name) { throw rt.attributeError(a[0], name) }
            return .none
        }
        def(T.object, "__format__", "self, spec") { rt, a in
            let spec = try rt.toStr(a[1])
            if !spec.isEmpty { throw PyError.typeError("unsupported format string passed to \(typeName(a[0])).__format__") }
            return .str(try rt.str(a[0]))
        }
        def(T.object, "__init_subclass__", "cls") { _, _ in .none }
        def(T.object, "__dir__", "self") { rt, a in .object(PyList(rt.attributeNames(a[0]).map { .str($0) })) }
        def(T.type, "mro", "self") { _, a in
            guard case .object(let o) = a[0], let c = o as? PyClass else { return .none }
            return .object(PyList(c.mro.map { .object($0) }))
        }
        def(T.type, "__subclasses__", "self") { _, _ in .object(PyList()) }
    }

    static func def(_ cls: PyClass, _ name: String, _ params: String, _ body: @escaping (Interpreter, [Value]) throws -> Value) {
        let (sig, defaults) = Signature.parse(name, params)
        cls.dict[name] = .object(PyBuiltin(name: name, signature: sig, defaults: defaults) { rt, a in try body(rt, a) })
    }
}

extension Interpreter {
    func rangeArg(_ v: Value) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default:
            if case .object(let o) = v, let m = o.cls.lookupUser("__index__") { return try toInt(call(m, [v])) }
            throw PyError.typeError("'\(typeName(v))' object cannot be interpreted as an integer")
        }
    }

    func intConstructor(_ x: Value, _ baseArg: Value) throws -> Value {
        if case .object(let m) = x, m === Missing.value { return .int(0) }
        let hasBase: Bool
        if case .object(let m) = baseArg, m === Missing.value { hasBase = false } else { hasBase = true }
        switch x {
        case .int: if !hasBase { return x }
        case .bool(let b): if !hasBase { return .int(b ? 1 : 0) }
        case .float(let d):
            if hasBase { break }
            if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
            if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
            let t = d.rounded(.towardZero)
            if let i = Int(exactly: t) { return .int(i) }
            return .bigint(BigInt(t))
        case .object(let o):
            if let s = o as? PyStr {
                let base = hasBase ? try toInt(baseArg) : 10
                return try parseInt(s.value, base: base)
            }
            if o is PyBigInt && !hasBase { return x }
            if let b = o as? PyBytes { return try parseInt(String(decoding: b.bytes, as: UTF8.self), base: hasBase ? try toInt(baseArg) : 10) }
            if !hasBase {
                if let m = o.cls.lookup("__int__") { return try call(m, [x]) }
                if let m = o.cls.lookup("__index__") { return try call(m, [x]) }
                if let m = o.cls.lookup("__trunc__") { return try call(m, [x]) }
            }
        default: break
        }
        if hasBase { throw PyError.typeError("int() can't convert non-string with explicit base") }
        throw PyError.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(typeName(x))'")
    }

    func parseInt(_ text: String, base: Int) throws -> Value {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let original = text
        var negative = false
        if s.hasPrefix("-") { negative = true; s.removeFirst() } else if s.hasPrefix("+") { s.removeFirst() }
        var b = base
        let lower = s.lowercased()
        if (b == 16 || b == 0) && lower.hasPrefix("0x") { s = String(s.dropFirst(2)); b = 16 }
        else if (b == 8 || b == 0) && lower.hasPrefix("0o") { s = String(s.dropFirst(2)); b = 8 }
        else if (b == 2 || b == 0) && lower.hasPrefix("0b") { s = String(s.dropFirst(2)); b = 2 }
        if b == 0 { b = 10 }
        let invalid = PyError.valueError("invalid literal for int() with base \(base): \(Interpreter.quote(original))")
        guard !s.isEmpty, !s.hasPrefix("_"), !s.hasSuffix("_"), !s.contains("__") else { throw invalid }
        s = s.replacingOccurrences(of: "_", with: "")
        guard b >= 2 && b <= 36 else { throw PyError.valueError("int() base must be >= 2 and <= 36, or 0") }
        if let i = Int(s, radix: b) { return .int(negative ? -i : i) }
        guard s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), let big = BigInt(s, radix: b) else { throw invalid }
        return .bigint(negative ? -big : big)
    }

    func floatConstructor(_ x: Value) throws -> Double {
        switch x {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return d
        case .object(let o):
            if let s = o as? PyStr {
                let t = s.value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "_", with: "")
                switch t {
                case "inf", "+inf", "infinity", "+infinity": return .infinity
                case "-inf", "-infinity": return -.infinity
                case "nan", "+nan", "-nan": return .nan
                default:
                    if let d = Double(t), !t.hasPrefix("0x"), !t.isEmpty, t.allSatisfy({ "0123456789.e+-".contains($0) }) { return d }
                    throw PyError.valueError("could not convert string to float: \(Interpreter.quote(s.value))")
                }
            }
            if let b = o as? PyBigInt {
                let d = Double(b.value)
                if d.isInfinite { throw PyError.overflow("int too large to convert to float") }
                return d
            }
            if let m = o.cls.lookup("__float__") { return try toDouble(call(m, [x])) }
            if let m = o.cls.lookup("__index__") { return Double(try toInt(call(m, [x]))) }
        default: break
        }
        throw PyError.typeError("float() argument must be a string or a real number, not '\(typeName(x))'")
    }

    /// `dict(...)` / `d.update(...)`: a mapping or iterable of pairs, then keywords.
    func dictUpdate(_ d: PyDict, _ argsTuple: Value, _ kwargs: Value) throws {
        if case .object(let t) = argsTuple, let args = t as? PyTuple {
            if args.items.count > 1 { throw PyError.typeError("dict expected at most 1 argument, got \(args.items.count)") }
            if let source = args.items.first { try updateFrom(d, source) }
        }
        if case .object(let k) = kwargs, let kw = k as? PyDict {
            for (key, v) in kw.table.entries { d.set(try hashKey(key), v) }
        }
    }

    func updateFrom(_ d: PyDict, _ source: Value) throws {
        if case .object(let o) = source, o is PyDict || o.cls.lookup("keys") != nil {
            try mergeInto(d, source)
            return
        }
        let it = try getIterator(source)
        var index = 0
        while let pair = try it() {
            let kv = try iterate(pair)
            guard kv.count == 2 else {
                throw PyError.valueError("dictionary update sequence element #\(index) has length \(kv.count); 2 is required")
            }
            d.set(try hashKey(kv[0]), kv[1])
            index += 1
        }
    }
}
