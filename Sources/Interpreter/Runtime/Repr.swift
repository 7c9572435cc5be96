import BigInt
import Foundation

/// `repr()` and `str()` exactly as CPython prints them.
extension Interpreter {
    func repr(_ v: Value) throws -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return FloatRepr.repr(d)
        case .object(let o): return try objectRepr(o)
        }
    }

    func str(_ v: Value) throws -> String {
        if case .object(let o) = v {
            if let s = o as? PyStr, !o.cls.isUserDefined { return s.value }
            if o.cls.isUserDefined, let m = o.cls.lookupUser("__str__") {
                let r = try call(m, [v])
                guard case .object(let ro) = r, let s = ro as? PyStr else {
                    throw PyError.typeError("__str__ returned non-string (type \(typeName(r)))")
                }
                return s.value
            }
            if let s = o as? PyStr { return s.value }
            if let e = o as? PyException, o.cls.lookupUser("__repr__") == nil { return try exceptionStr(e) }
            if let n = o as? NativeObject, let s = try n.strValue(self) { return s }
        }
        return try repr(v)
    }

    func exceptionStr(_ e: PyException) throws -> String {
        if e.cls.isSubclass(of: T.keyError), e.args.count == 1 { return try repr(e.args[0]) }
        if e.cls.isSubclass(of: T.osError), e.args.count >= 2, case .int(let errno) = e.args[0] {
            let base = "[Errno \(errno)] " + (try str(e.args[1]))
            return e.args.count >= 3 ? base + ": " + (try repr(e.args[2])) : base
        }
        switch e.args.count {
        case 0: return ""
        case 1: return try str(e.args[0])
        default: return try repr(.object(PyTuple(e.args)))
        }
    }

    private func objectRepr(_ o: PyObject) throws -> String {
        if o.cls.isUserDefined, let m = o.cls.lookupUser("__repr__") {
            let r = try call(m, [.object(o)])
            guard case .object(let ro) = r, let s = ro as? PyStr else {
                throw PyError.typeError("__repr__ returned non-string (type \(typeName(r)))")
            }
            return s.value
        }
        switch o {
        case let s as PyStr: return Interpreter.quote(s.value)
        case let b as PyBigInt: return b.value.description
        case let l as PyList:
            return try guardRecursion(o, "[...]") { "[" + (try l.items.map { try repr($0) }.joined(separator: ", ")) + "]" }
        case let t as PyTuple:
            if t.items.count == 1 { return "(" + (try repr(t.items[0])) + ",)" }
            return try guardRecursion(o, "(...)") { "(" + (try t.items.map { try repr($0) }.joined(separator: ", ")) + ")" }
        case let d as PyDict:
            return try guardRecursion(o, "{...}") {
                let body = try d.table.entries.map { "\(try repr($0.key)): \(try repr($0.value))" }.joined(separator: ", ")
                if o.cls !== T.dict, o.cls.isSubclass(of: T.dict), o.cls.module != "builtins" || o.cls.isUserDefined == false {
                    return "{" + body + "}"
                }
                return "{" + body + "}"
            }
        case let s as PySet:
            let items = try s.iterationKeys.map { try repr($0) }.joined(separator: ", ")
            if s.isFrozen { return items.isEmpty ? "frozenset()" : "frozenset({\(items)})" }
            return items.isEmpty ? "set()" : "{\(items)}"
        case let r as PyRange:
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case let b as PyBytes: return Interpreter.bytesRepr(b.bytes)
        case let c as PyClass:
            return c.module == "builtins" ? "<class '\(c.name)'>" : "<class '\(c.module).\(c.qualname)'>"
        case let f as PyFunction: return "<function \(f.qualname) at \(address(o))>"
        case let b as PyBuiltin:
            if let r = b.receiver { return "<built-in method \(b.name) of \(typeName(r)) object at \(address(o))>" }
            return "<built-in function \(b.name)>"
        case let m as PyBoundMethod:
            let fname: String
            if case .object(let fo) = m.function, let f = fo as? PyFunction { fname = f.qualname } else { fname = "?" }
            return "<bound method \(fname) of \(try repr(m.receiver))>"
        case let m as PyModule: return "<module '\(m.name)'>"
        case let e as PyException:
            let args = e.args.count == 1 ? "(" + (try repr(e.args[0])) + ")" : try repr(.object(PyTuple(e.args)))
            return e.cls.name + args
        case let s as PySingleton: return s.name
        case let s as PySlice: return "slice(\(try repr(s.lower)), \(try repr(s.upper)), \(try repr(s.step)))"
        case let v as PyDictView:
            let name = v.kind == .keys ? "dict_keys" : v.kind == .values ? "dict_values" : "dict_items"
            return name + "(" + (try repr(.object(PyList(v.items(self))))) + ")"
        case let g as PyGenerator: return "<generator object \(g.name) at \(address(o))>"
        case let n as NativeObject: return try n.repr(self)
        default:
            if o.cls.isSubclass(of: T.dict), let d = o as? PyDict { return try repr(.object(d)) }
            return "<\(o.cls.module == "builtins" ? "" : o.cls.module + ".")\(o.cls.qualname) object at \(address(o))>"
        }
    }

    func address(_ o: PyObject) -> String {
        "0x" + String(UInt(bitPattern: ObjectIdentifier(o).hashValue), radix: 16).leftPad(12)
    }

    private func guardRecursion(_ o: PyObject, _ placeholder: String, _ body: () throws -> String) throws -> String {
        let id = ObjectIdentifier(o)
        if reprInProgress.contains(id) { return placeholder }
        reprInProgress.insert(id)
        defer { reprInProgress.remove(id) }
        return try body()
    }

    /// Python's string repr: single quotes unless the text has a single quote and no double quote.
    static func quote(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let q: Character = useDouble ? "\"" : "'"
        var out = String(q)
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "'" where !useDouble: out += "\\'"
            default:
                if u.value < 0x20 || u.value == 0x7f {
                    out += "\\x" + String(u.value, radix: 16).leftPad(2, "0")
                } else if u.value >= 0x80 && !isPrintable(u) {
                    if u.value <= 0xff { out += "\\x" + String(u.value, radix: 16).leftPad(2, "0") }
                    else if u.value <= 0xffff { out += "\\u" + String(u.value, radix: 16).leftPad(4, "0") }
                    else { out += "\\U" + String(u.value, radix: 16).leftPad(8, "0") }
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out.append(q)
        return out
    }

    static func isPrintable(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        case .spaceSeparator: return u == " "
        default: return true
        }
    }

    static func bytesRepr(_ bytes: [UInt8]) -> String {
        let useDouble = bytes.contains(39) && !bytes.contains(34)
        var out = useDouble ? "b\"" : "b'"
        for b in bytes {
            switch b {
            case 92: out += "\\\\"
            case 10: out += "\\n"
            case 13: out += "\\r"
            case 9: out += "\\t"
            case 39 where !useDouble: out += "\\'"
            case 32..<127: out.unicodeScalars.append(Unicode.Scalar(b))
            default: out += "\\x" + String(b, radix: 16).leftPad(2, "0")
            }
        }
        return out + (useDouble ? "\"" : "'")
    }
}

extension String {
    func leftPad(_ width: Int, _ pad: Character = "0") -> String {
        let n = count
        return n >= width ? self : String(repeating: pad, count: width - n) + self
    }
}

/// CPython's float repr: the shortest digits that round-trip (Swift finds those), laid out
/// with CPython's rules: positional when -4 <= exponent < 16, else `d.ddde+XX`.
enum FloatRepr {
    static func repr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, exponent) = decompose(d)
        return (negative ? "-" : "") + layout(digits: digits, exponent: exponent, forceExponent: false)
    }

    /// Shortest round-trip digits and decimal exponent: value = 0.d1d2d3... × 10^(exponent+1)
    /// i.e. d1.d2d3... × 10^exponent.
    static func decompose(_ d: Double) -> (Bool, [UInt8], Int) {
        let text = "\(d.magnitude)"
        var mantissa = text
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(text[..<e])
            exp = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = Array((intPart + fracPart).utf8).map { $0 - 48 }
        var pointPos = intPart.count + exp
        while digits.first == 0 && digits.count > 1 {
            digits.removeFirst()
            pointPos -= 1
        }
        while digits.last == 0 && digits.count > 1 { digits.removeLast() }
        return (d.sign == .minus, digits, pointPos - 1)
    }

    static func layout(digits: [UInt8], exponent: Int, forceExponent: Bool) -> String {
        let ds = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        if !forceExponent && exponent >= -4 && exponent < 16 {
            if exponent < 0 {
                return "0." + String(repeating: "0", count: -exponent - 1) + ds
            }
            if digits.count <= exponent + 1 {
                return ds + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
            }
            let idx = ds.index(ds.startIndex, offsetBy: exponent + 1)
            return String(ds[..<idx]) + "." + String(ds[idx...])
        }
        var mant = String(ds.prefix(1))
        if digits.count > 1 { mant += "." + ds.dropFirst() }
        let sign = exponent < 0 ? "-" : "+"
        return mant + "e" + sign + String(abs(exponent)).leftPad(2)
    }
}
