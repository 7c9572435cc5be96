import BigInt
import Foundation

/// The `builtins` namespace: functions, types and exception classes every script sees.
enum BuiltinFunctions {
    static func makeNamespace() -> [String: Value] {
        var ns: [String: Value] = [:]
        func add(_ name: String, _ params: String, _ body: @escaping (Interpreter, [Value]) throws -> Value) {
            ns[name] = .object(makeBuiltin(name, params, body))
        }
        for c in [T.object, T.type, T.int, T.bool, T.float, T.str, T.bytes, T.list, T.tuple, T.dict, T.set,
                  T.frozenset, T.range, T.slice, T.property, T.staticmethod, T.classmethod, T.superType] {
            ns[c.name] = .object(c)
        }
        for c in T.allExceptions { ns[c.name] = .object(c) }
        ns["EnvironmentError"] = .object(T.osError)
        ns["IOError"] = .object(T.osError)
        ns["NotImplemented"] = .object(T.notImplemented)
        ns["Ellipsis"] = .object(T.ellipsis)
        ns["__name__"] = .str("builtins")

        add("print", "*args, sep=None, end=None, file=None, flush=False") { rt, a in
            let sep = a[1].isNone ? " " : try rt.toStr(a[1], "sep")
            let end = a[2].isNone ? "\n" : try rt.toStr(a[2], "end")
            var text = ""
            guard case .object(let t) = a[0], let items = t as? PyTuple else { return .none }
            for (i, v) in items.items.enumerated() {
                if i > 0 { text += sep }
                if case .object(let o) = v, let s = o as? PyStr, !o.cls.isUserDefined { text += s.value } else { text += try rt.str(v) }
            }
            text += end
            try rt.write(text, to: a[3])
            return .none
        }
        add("len", "obj, /") { rt, a in .int(try rt.length(a[0])) }
        if case .object(let o)? = ns["len"], let b = o as? PyBuiltin { b.fast = .one { rt, x in .int(try rt.length(x)) } }
        add("repr", "obj, /") { rt, a in .str(try rt.repr(a[0])) }
        add("ascii", "obj, /") { rt, a in .str(try rt.ascii(a[0])) }
        add("abs", "x, /") { rt, a in
            switch a[0] {
            case .int(let i): return i == Int.min ? .bigint(-BigInt(i)) : .int(abs(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .float(abs(d))
            case .object(let o):
                if let b = o as? PyBigInt { return .bigint(BigInt(b.value.magnitude)) }
                if let m = o.cls.lookup("__abs__") { return try rt.call(m, [a[0]]) }
            default: break
            }
            throw PyError.typeError("bad operand type for abs(): '\(typeName(a[0]))'")
        }
        add("round", "number, ndigits=None") { rt, a in try rt.round(a[0], a[1]) }
        add("divmod", "a, b, /") { rt, a in
            .object(PyTuple([try rt.binary(.floorDivide, a[0], a[1]), try rt.binary(.modulo, a[0], a[1])]))
        }
        add("pow", "base, exp, mod=None") { rt, a in
            if a[2].isNone { return try rt.binary(.power, a[0], a[1]) }
            guard let b = Arith.big(a[0]), let e = Arith.big(a[1]), let m = Arith.big(a[2]) else {
                throw PyError.typeError("pow() 3rd argument not allowed unless all arguments are integers")
            }
            if m.isZero { throw PyError.valueError("pow() 3rd argument cannot be 0") }
            if e.sign == .minus {
                guard let inv = b.inverse(m) else { throw PyError.valueError("base is not invertible for the given modulus") }
                return .bigint(Arith.bigFloorDivMod(inv.power(-e, modulus: m), m).1)
            }
            return .bigint(Arith.bigFloorDivMod(b.power(e, modulus: m), m).1)
        }
        add("min", "*args, key=None, default=<missing>") { rt, a in try rt.minMax(a, "min", wantLess: true) }
        add("max", "*args, key=None, default=<missing>") { rt, a in try rt.minMax(a, "max", wantLess: false) }
        add("sum", "iterable, /, start=0") { rt, a in
            var acc = a[1]
            if case .object(let o) = acc, o is PyStr {
                throw PyError.typeError("sum() can't sum strings [use ''.join(seq) instead]")
            }
            let it = try rt.getIterator(a[0])
            while let x = try it() {
                if case .int(let i) = acc, case .int(let j) = x {
                    let (r, o) = i.addingReportingOverflow(j)
                    if !o { acc = .int(r); continue }
                }
                if case .float(let i) = acc, case .float(let j) = x { acc = .float(i + j); continue }
                acc = try rt.binary(.add, acc, x)
            }
            return acc
        }
        add("any", "iterable, /") { rt, a in
            let it = try rt.getIterator(a[0])
            while let x = try it() {
                if try rt.truthy(x) { return .bool(true) }
            }
            return .bool(false)
        }
        add("all", "iterable, /") { rt, a in
            let it = try rt.getIterator(a[0])
            while let x = try it() {
                if !(try rt.truthy(x)) { return .bool(false) }
            }
            return .bool(true)
        }
        add("sorted", "iterable, /, *, key=None, reverse=False") { rt, a in
            let list = PyList(try rt.iterate(a[0]))
            try rt.sortList(list, key: a[1], reverse: rt.truthy(a[2]))
            return .object(list)
        }
        add("reversed", "seq, /") { rt, a in
            if case .object(let o) = a[0], o.cls.isUserDefined, let m = o.cls.lookupUser("__reversed__") {
                return try rt.call(m, [a[0]])
            }
            if case .object(let o) = a[0], let r = o as? PyRange {
                let n = r.count
                return .object(PyRange(r.start + (n - 1) * r.step, r.start - r.step, -r.step)).iteratorValue(rt)
            }
            if case .object(let o) = a[0], o is PyDict || o is PyDictView || o is PyList || o is PyTuple || o is PyStr {
                let items = try rt.iterate(a[0]).reversed()
                var i = items.startIndex
                return .object(PyIterator(cls: T.reversedIterator) {
                    guard i != items.endIndex else { return nil }
                    defer { i = items.index(after: i) }
                    return items[i]
                })
            }
            if case .object(let o) = a[0], o.cls.lookup("__len__") != nil, o.cls.lookup("__getitem__") != nil {
                var i = try rt.length(a[0]) - 1
                return .object(PyIterator(cls: T.reversedIterator) {
                    guard i >= 0 else { return nil }
                    defer { i -= 1 }
                    return try rt.getItem(a[0], .int(i))
                })
            }
            throw PyError.typeError("'\(typeName(a[0]))' object is not reversible")
        }
        add("enumerate", "iterable, start=0") { rt, a in
            let it = try rt.getIterator(a[0])
            var i = try rt.toInt(a[1])
            return .object(PyIterator(cls: T.enumerateIterator) {
                guard let x = try it() else { return nil }
                defer { i += 1 }
                return .object(PyTuple([.int(i), x]))
            })
        }
        add("zip", "*iterables, strict=False") { rt, a in
            guard case .object(let t) = a[0], let iterables = t as? PyTuple else { return .none }
            let its = try iterables.items.map { try rt.getIterator($0) }
            let strict = try rt.truthy(a[1])
            return .object(PyIterator(cls: T.zipIterator) {
                if its.isEmpty { return nil }
                var items: [Value] = []
                items.reserveCapacity(its.count)
                for (n, it) in its.enumerated() {
                    guard let x = try it() else {
                        var otherLonger = n > 0
                        if strict && !otherLonger {
                            for other in its.dropFirst() where try other() != nil { otherLonger = true }
                        }
                        if strict && otherLonger {
                            throw PyError.valueError("zip() argument \(n + 1) is shorter than argument 1")
                        }
                        return nil
                    }
                    items.append(x)
                }
                return .object(PyTuple(items))
            })
        }
        add("map", "function, *iterables") { rt, a in
            guard case .object(let t) = a[1], let iterables = t as? PyTuple, !iterables.items.isEmpty else {
                throw PyError.typeError("map() must have at least two arguments.")
            }
            let its = try iterables.items.map { try rt.getIterator($0) }
            let fn = a[0]
            return .object(PyIterator(cls: T.mapIterator) {
                var args: [Value] = []
                for it in its {
                    guard let x = try it() else { return nil }
                    args.append(x)
                }
                return try rt.call(fn, args)
            })
        }
        add("filter", "function, iterable, /") { rt, a in
            let it = try rt.getIterator(a[1])
            let fn = a[0]
            return .object(PyIterator(cls: T.filterIterator) {
                while let x = try it() {
                    if try rt.truthy(fn.isNone ? x : rt.call(fn, [x])) { return x }
                }
                return nil
            })
        }
        add("isinstance", "obj, class_or_tuple, /") { rt, a in .bool(try rt.isInstanceCheck(a[0], a[1])) }
        add("issubclass", "cls, class_or_tuple, /") { rt, a in
            guard case .object(let o) = a[0], let c = o as? PyClass else {
                throw PyError.typeError("issubclass() arg 1 must be a class")
            }
            return .bool(try rt.classMatches(c, a[1], "issubclass"))
        }
        add("hasattr", "obj, name, /") { rt, a in
            do {
                _ = try rt.getAttr(a[0], rt.toStr(a[1], "attribute name"))
                return .bool(true)
            } catch let e as PyError where e.exception.cls.isSubclass(of: T.attributeError) {
                return .bool(false)
            }
        }
        add("getattr", "obj, name, default=<missing>, /") { rt, a in
            let name = try rt.toStr(a[1], "attribute name")
            do {
                return try rt.getAttr(a[0], name)
            } catch let e as PyError where e.exception.cls.isSubclass(of: T.attributeError) {
                if case .object(let d) = a[2], d === Missing.value { throw e }
                return a[2]
            }
        }
        add("setattr", "obj, name, value, /") { rt, a in
            try rt.setAttr(a[0], rt.toStr(a[1], "attribute name"), a[2])
            return .none
        }
        add("delattr", "obj, name, /") { rt, a in
            try rt.delAttr(a[0], rt.toStr(a[1], "attribute name"))
            return .none
        }
        add("callable", "obj, /") { _, a in
            guard case .object(let o) = a[0] else { return .bool(false) }
            return .bool(o is PyFunction || o is PyBuiltin || o is PyBoundMethod || o is PyClass || o.cls.lookup("__call__") != nil)
        }
        add("iter", "obj, sentinel=<missing>, /") { rt, a in
            if case .object(let s) = a[1], s === Missing.value { return try rt.iterObject(a[0]) }
            let fn = a[0], sentinel = a[1]
            return .object(PyIterator(cls: T.callableIterator) {
                let v = try rt.call(fn, [])
                return try rt.equals(v, sentinel) ? nil : v
            })
        }
        add("next", "iterator, default=<missing>, /") { rt, a in
            let next = try rt.nextFunction(of: a[0])
            if let v = try next() { return v }
            if case .object(let d) = a[1], d === Missing.value {
                var args: [Value] = []
                if case .object(let o) = a[0], let g = o as? PyGenerator, !g.channel.returnValue.isNone {
                    args = [g.channel.returnValue]
                }
                throw PyError(PyException(cls: T.stopIteration, args: args))
            }
            return a[1]
        }
        add("chr", "i, /") { rt, a in
            let i = try rt.toInt(a[0])
            guard i >= 0 && i < 0x110000, let u = Unicode.Scalar(UInt32(i)) else {
                throw PyError.valueError("chr() arg not in range(0x110000)")
            }
            return .str(String(Character(u)))
        }
        add("ord", "c, /") { rt, a in
            if case .object(let o) = a[0], let b = o as? PyBytes, b.bytes.count == 1 { return .int(Int(b.bytes[0])) }
            let s = try rt.toStr(a[0], "ord() argument")
            let scalars = Array(s.unicodeScalars)
            guard scalars.count == 1 else {
                throw PyError.typeError("ord() expected a character, but string of length \(scalars.count) found")
            }
            return .int(Int(scalars[0].value))
        }
        add("hex", "number, /") { rt, a in .str(try rt.radixString(a[0], 16, "0x")) }
        add("oct", "number, /") { rt, a in .str(try rt.radixString(a[0], 8, "0o")) }
        add("bin", "number, /") { rt, a in .str(try rt.radixString(a[0], 2, "0b")) }
        add("format", "value, format_spec='', /") { rt, a in .str(try rt.format(a[0], rt.toStr(a[1]))) }
        add("id", "obj, /") { _, a in
            switch a[0] {
            case .object(let o): return .int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o).hashValue)))
            case .int(let i): return .int(i &* 32 &+ 0x7f00_0000)
            default: return .int(0x7f00_1000)
            }
        }
        add("hash", "obj, /") { rt, a in .int(try rt.hash(a[0])) }
        add("vars", "obj=<missing>, /") { rt, a in
            if case .object(let o) = a[0] {
                if o === Missing.value { throw PyError.notImplemented("vars() without an argument") }
                if let m = o as? PyModule { return .object(rt.namespaceDict(m.namespace)) }
                if o is PyClass { return try rt.getAttr(a[0], "__dict__") }
                if o.attrs != nil { return .object(rt.attrsDict(o)) }
            }
            throw PyError.typeError("vars() argument must have __dict__ attribute")
        }
        add("dir", "obj=<missing>, /") { rt, a in
            if case .object(let o) = a[0], o === Missing.value {
                return .object(PyList(rt.mainNamespace.values.keys.sorted().map { .str($0) }))
            }
            if case .object(let o) = a[0], o.cls.isUserDefined, let m = o.cls.lookupUser("__dir__") {
                let l = PyList(try rt.iterate(rt.call(m, [a[0]])))
                try rt.sortList(l, key: .none, reverse: false)
                return .object(l)
            }
            return .object(PyList(rt.attributeNames(a[0]).map { .str($0) }))
        }
        add("help", "obj=None") { rt, a in
            try rt.help(a[0])
            return .none
        }
        add("input", "prompt=''") { rt, a in
            let prompt = try rt.str(a[0])
            if !prompt.isEmpty { rt.output(prompt, .stdout) }
            guard let line = rt.input?() else { throw PyError(T.eofError, "EOF when reading a line") }
            return .str(line.hasSuffix("\n") ? String(line.dropLast()) : line)
        }
        add("open", "file, mode='r', buffering=-1, encoding=None, errors=None, newline=None") { rt, a in
            try PyFile.open(rt, path: rt.str(a[0]), mode: rt.toStr(a[1]), encoding: a[3])
        }
        add("globals", "") { rt, _ in .object(rt.namespaceDict(rt.mainNamespace)) }
        add("locals", "") { _, _ in throw PyError.notImplemented("locals()") }
        add("exec", "source, globals=None, locals=None") { _, _ in throw PyError.notImplemented("exec()") }
        add("eval", "source, globals=None, locals=None") { _, _ in throw PyError.notImplemented("eval()") }
        add("compile", "source, filename, mode") { _, _ in throw PyError.notImplemented("compile()") }
        add("__import__", "name, globals=None, locals=None, fromlist=(), level=0") { rt, a in
            .object(try rt.importModule(rt.toStr(a[0])))
        }
        add("breakpoint", "*args, **kws") { _, _ in .none }
        return ns
    }
}

/// The marker default for optional arguments without a Python default (`getattr(o, n[, d])`).
enum Missing {
    static let value = PySingleton(name: "<missing>", cls: T.object)
}

extension Value {
    func iteratorValue(_ rt: Interpreter) -> Value {
        (try? rt.iterObject(self)) ?? self
    }
}

extension Interpreter {
    /// `ascii()`: the repr with non-ASCII characters escaped.
    func ascii(_ v: Value) throws -> String {
        var out = ""
        for u in try repr(v).unicodeScalars {
            if u.isASCII { out.unicodeScalars.append(u) }
            else if u.value <= 0xff { out += "\\x" + String(u.value, radix: 16).leftPad(2) }
            else if u.value <= 0xffff { out += "\\u" + String(u.value, radix: 16).leftPad(4) }
            else { out += "\\U" + String(u.value, radix: 16).leftPad(8) }
        }
        return out
    }

    /// Writes to `file` (None: stdout) the way `print` and `sys.stdout.write` do.
    func write(_ text: String, to file: Value) throws {
        if file.isNone {
            output(text, .stdout)
            return
        }
        if case .object(let o) = file, let s = o as? StdStream {
            output(text, s.kind)
            return
        }
        _ = try callMethod(file, "write", [.str(text)])
    }

    func isInstanceCheck(_ v: Value, _ spec: Value) throws -> Bool {
        try classMatches(typeOf(v), spec, "isinstance")
    }

    func classMatches(_ c: PyClass, _ spec: Value, _ fn: String) throws -> Bool {
        guard case .object(let o) = spec else {
            throw PyError.typeError("\(fn)() arg 2 must be a type, a tuple of types, or a union")
        }
        if let k = o as? PyClass { return c.isSubclass(of: k) }
        if let t = o as? PyTuple {
            for item in t.items where try classMatches(c, item, fn) { return true }
            return false
        }
        if let u = o as? TypingAlias { return try u.matches(self, c) }
        throw PyError.typeError("\(fn)() arg 2 must be a type, a tuple of types, or a union")
    }

    func radixString(_ v: Value, _ radix: Int, _ prefix: String) throws -> String {
        guard let b = Arith.big(v) else {
            if case .object(let o) = v, let m = o.cls.lookupUser("__index__") {
                return try radixString(call(m, [v]), radix, prefix)
            }
            throw PyError.typeError("'\(typeName(v))' object cannot be interpreted as an integer")
        }
        return (b.sign == .minus && !b.isZero ? "-" : "") + prefix + String(b.magnitude, radix: radix)
    }

    func minMax(_ a: [Value], _ name: String, wantLess: Bool) throws -> Value {
        guard case .object(let t) = a[0], let args = t as? PyTuple else { return .none }
        let key = a[1]
        var hasDefault = true
        if case .object(let m) = a[2], m === Missing.value { hasDefault = false }
        var items: [Value]
        if args.items.count == 1 {
            items = try iterate(args.items[0])
        } else if args.items.isEmpty {
            throw PyError.typeError("\(name) expected at least 1 argument, got 0")
        } else {
            if hasDefault { throw PyError.typeError("Cannot specify a default for \(name)() with multiple positional arguments") }
            items = args.items
        }
        guard var best = items.first else {
            if hasDefault { return a[2] }
            throw PyError.valueError("\(name)() arg is an empty sequence")
        }
        var bestKey = key.isNone ? best : try call(key, [best])
        for x in items.dropFirst() {
            let k = key.isNone ? x : try call(key, [x])
            let better = wantLess ? try lessThan(k, bestKey) : try lessThan(bestKey, k)
            if better {
                best = x
                bestKey = k
            }
        }
        return best
    }

    func round(_ v: Value, _ nd: Value) throws -> Value {
        switch v {
        case .int, .bool:
            if nd.isNone { return .int(try toInt(v)) }
            let n = try toInt(nd)
            if n >= 0 { return .int(try toInt(v)) }
            let p = BigInt(10).power(-n)
            guard let b = Arith.big(v) else { return v }
            let (q, r) = Arith.bigFloorDivMod(b, p)
            let twice = r * 2
            var result = q
            if twice > p || (twice == p && q % 2 != 0) { result += 1 }
            return .bigint(result * p)
        case .float(let d):
            if nd.isNone {
                if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
                if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
                let r = d.rounded(.toNearestOrEven)
                if let i = Int(exactly: r) { return .int(i) }
                return .bigint(BigInt(r))
            }
            let n = try toInt(nd)
            if !d.isFinite { return v }
            // Correctly rounded: format with n decimals (round-half-even on the exact binary value), parse back.
            if n > 300 { return v }
            if n >= 0 {
                let s = CFormat.double("%.\(n)f", d)
                return .float(Double(s) ?? d)
            }
            let p = pow(10.0, Double(-n))
            return .float((d / p).rounded(.toNearestOrEven) * p)
        case .object(let o):
            if o is PyBigInt {
                if nd.isNone { return v }
                return try round(.int(0), nd).isNone ? v : v
            }
            if let m = o.cls.lookup("__round__") { return try call(m, nd.isNone ? [v] : [v, nd]) }
        default: break
        }
        throw PyError.typeError("type \(typeName(v)) doesn't define __round__ method")
    }

    func help(_ v: Value) throws {
        var text = ""
        if case .object(let o) = v {
            if let f = o as? PyFunction {
                text = "Help on function \(f.name) in module \(try str(f.globals["__name__"] ?? .str("__main__"))):\n\n\(f.name)(...)\n"
                if case .object(let d) = f.doc, let s = d as? PyStr { text += "    " + s.value.replacingOccurrences(of: "\n", with: "\n    ") + "\n" }
            } else if let c = o as? PyClass {
                text = "Help on class \(c.name):\n\nclass \(c.name)\n"
                if case .object(let d)? = c.dict["__doc__"], let s = d as? PyStr { text += " |  " + s.value + "\n" }
            } else if let b = o as? PyBuiltin {
                text = "Help on built-in function \(b.name):\n\n\(b.name)(...)\n" + (b.doc.map { "    \($0)\n" } ?? "")
            }
        }
        if text.isEmpty { text = "Help on \(typeName(v)) object:\n\n" + (try repr(v)) + "\n" }
        output(text + "\n", .stdout)
    }
}
