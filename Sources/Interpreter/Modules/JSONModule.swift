import Engine
import BigInt
import Foundation

/// `json`: output byte-identical to CPython's encoder (separators, indentation,
/// `ensure_ascii` escapes, float repr) and a decoder with its error messages.
enum JSONModule: NativeModule {
    static let name = "json"
    static let decodeError = PyClass(name: "JSONDecodeError", bases: [T.valueError], isBuiltin: false, module: "json",
                                     factory: { PyException(cls: $0) })

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        decodeError.cls = T.type
        m.add(decodeError)
        let options = "*, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw"
        m.function("dumps", "obj, " + options) { rt, a in
            .str(try Encoder(rt, a, offset: 1).encode(a[0]))
        }
        m.function("dump", "obj, fp, " + options) { rt, a in
            let text = try Encoder(rt, a, offset: 2).encode(a[0])
            _ = try rt.callMethod(a[1], "write", [.str(text)])
            return .none
        }
        m.function("loads", "s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, object_pairs_hook=None, **kw") { rt, a in
            var text: String
            if case .object(let o) = a[0], let b = o as? PyBytes { text = String(decoding: b.bytes, as: UTF8.self) } else {
                text = try rt.toStr(a[0], "the JSON object")
            }
            var p = Decoder(rt: rt, scalars: Array(text.unicodeScalars), objectHook: a[2])
            return try p.document()
        }
        m.function("load", "fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None, object_pairs_hook=None, **kw") { rt, a in
            let text = try rt.toStr(rt.callMethod(a[0], "read", []))
            var p = Decoder(rt: rt, scalars: Array(text.unicodeScalars), objectHook: a[2])
            return try p.document()
        }
        return m.module
    }

    struct Encoder {
        let rt: Interpreter
        let skipKeys: Bool, ensureAscii: Bool, allowNan: Bool, sortKeys: Bool
        let indent: String?
        let itemSeparator: String, keySeparator: String
        let defaultFn: Value

        init(_ rt: Interpreter, _ a: [Value], offset o: Int) throws {
            self.rt = rt
            skipKeys = try rt.truthy(a[o])
            ensureAscii = try rt.truthy(a[o + 1])
            allowNan = try rt.truthy(a[o + 3])
            switch a[o + 5] {
            case .none: indent = nil
            case .int(let n): indent = String(repeating: " ", count: max(0, n))
            default: indent = try rt.toStr(a[o + 5])
            }
            if a[o + 6].isNone {
                itemSeparator = indent == nil ? ", " : ","
                keySeparator = ": "
            } else {
                let seps = try rt.iterate(a[o + 6])
                guard seps.count == 2 else { throw PyError.valueError("separators must be a pair") }
                itemSeparator = try rt.toStr(seps[0])
                keySeparator = try rt.toStr(seps[1])
            }
            defaultFn = a[o + 7]
            sortKeys = try rt.truthy(a[o + 8])
        }

        func encode(_ v: Value) throws -> String {
            var out = ""
            try write(v, &out, level: 0)
            return out
        }

        func float(_ d: Double) throws -> String {
            if d.isNaN || d.isInfinite {
                guard allowNan else { throw PyError.valueError("Out of range float values are not JSON compliant") }
                return d.isNaN ? "NaN" : d < 0 ? "-Infinity" : "Infinity"
            }
            return FloatRepr.repr(d)
        }

        func string(_ s: String, _ out: inout String) {
            JSONWriter.appendQuoted(s, ensureASCII: ensureAscii, to: &out)
        }

        func key(_ k: Value) throws -> String? {
            switch k {
            case .none: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .int(let i): return String(i)
            case .float(let d): return try float(d)
            case .object(let o):
                if let s = o as? PyStr { return s.value }
                if let b = o as? PyBigInt { return b.value.description }
            }
            if skipKeys { return nil }
            throw PyError.typeError("keys must be str, int, float, bool or None, not \(typeName(k))")
        }

        func write(_ v: Value, _ out: inout String, level: Int) throws {
            switch v {
            case .none: out += "null"
            case .bool(let b): out += b ? "true" : "false"
            case .int(let i): out += String(i)
            case .float(let d): out += try float(d)
            case .object(let o):
                switch o {
                case let s as PyStr: string(s.value, &out)
                case let b as PyBigInt: out += b.value.description
                case let l as PyList: try array(l.items, &out, level: level)
                case let t as PyTuple: try array(t.items, &out, level: level)
                case let d as PyDict:
                    var entries: [(String, Value)] = []
                    for (k, val) in d.table.entries {
                        if let ks = try key(k) { entries.append((ks, val)) }
                    }
                    if sortKeys { entries.sort { $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) { $0.value < $1.value } } }
                    if entries.isEmpty { out += "{}"; return }
                    out += "{"
                    let (open, sep, close) = layout(level)
                    out += open
                    for (i, (k, val)) in entries.enumerated() {
                        if i > 0 { out += sep }
                        string(k, &out)
                        out += keySeparator
                        try write(val, &out, level: level + 1)
                    }
                    out += close + "}"
                default:
                    if defaultFn.isNone {
                        throw PyError.typeError("Object of type \(o.typeName) is not JSON serializable")
                    }
                    try write(rt.call(defaultFn, [v]), &out, level: level)
                }
            }
        }

        func layout(_ level: Int) -> (String, String, String) {
            guard let ind = indent else { return ("", itemSeparator, "") }
            let inner = "\n" + String(repeating: ind, count: level + 1)
            return (inner, itemSeparator + inner, "\n" + String(repeating: ind, count: level))
        }

        func array(_ items: [Value], _ out: inout String, level: Int) throws {
            if items.isEmpty { out += "[]"; return }
            out += "["
            let (open, sep, close) = layout(level)
            out += open
            for (i, item) in items.enumerated() {
                if i > 0 { out += sep }
                try write(item, &out, level: level + 1)
            }
            out += close + "]"
        }
    }

    struct Decoder {
        let rt: Interpreter
        let scalars: [Unicode.Scalar]
        let objectHook: Value
        var i = 0

        init(rt: Interpreter, scalars: [Unicode.Scalar], objectHook: Value) {
            self.rt = rt
            self.scalars = scalars
            self.objectHook = objectHook
        }

        func error(_ msg: String, _ pos: Int) -> PyError {
            var line = 1, col = 1
            for u in scalars.prefix(pos) {
                if u == "\n" { line += 1; col = 1 } else { col += 1 }
            }
            return PyError(PyException(cls: JSONModule.decodeError, args: [.str("\(msg): line \(line) column \(col) (char \(pos))")]))
        }

        mutating func skip() {
            while i < scalars.count, " \t\n\r".unicodeScalars.contains(scalars[i]) { i += 1 }
        }

        mutating func document() throws -> Value {
            skip()
            let v = try value()
            skip()
            if i < scalars.count { throw error("Extra data", i) }
            return v
        }

        mutating func value() throws -> Value {
            guard i < scalars.count else { throw error("Expecting value", i) }
            switch scalars[i] {
            case "{": return try object()
            case "[": return try array()
            case "\"": return .str(try string())
            case "t": return try literal("true", .bool(true))
            case "f": return try literal("false", .bool(false))
            case "n": return try literal("null", .none)
            case "N": return try literal("NaN", .float(.nan))
            case "I": return try literal("Infinity", .float(.infinity))
            default: return try number()
            }
        }

        mutating func literal(_ word: String, _ v: Value) throws -> Value {
            let w = Array(word.unicodeScalars)
            guard i + w.count <= scalars.count, Array(scalars[i..<(i + w.count)]) == w else { throw error("Expecting value", i) }
            i += w.count
            return v
        }

        mutating func number() throws -> Value {
            let start = i
            if i < scalars.count, scalars[i] == "-" {
                i += 1
                if i < scalars.count, scalars[i] == "I" {
                    _ = try literal("Infinity", .none)
                    return .float(-.infinity)
                }
            }
            var isFloat = false
            let digitsStart = i
            while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
            if i == digitsStart { throw error("Expecting value", start) }
            if i < scalars.count, scalars[i] == ".", i + 1 < scalars.count, ("0"..."9").contains(scalars[i + 1]) {
                isFloat = true
                i += 1
                while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
            }
            if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
                var j = i + 1
                if j < scalars.count, scalars[j] == "+" || scalars[j] == "-" { j += 1 }
                if j < scalars.count, ("0"..."9").contains(scalars[j]) {
                    isFloat = true
                    i = j
                    while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
                }
            }
            let text = String(String.UnicodeScalarView(scalars[start..<i]))
            if isFloat { return .float(Double(text) ?? 0) }
            if let n = Int(text) { return .int(n) }
            return .bigint(BigInt(text) ?? 0)
        }

        mutating func string() throws -> String {
            let start = i
            i += 1
            var out = String.UnicodeScalarView()
            while true {
                guard i < scalars.count else { throw error("Unterminated string starting at", start) }
                let c = scalars[i]
                if c == "\"" { i += 1; break }
                if c == "\\" {
                    i += 1
                    guard i < scalars.count else { throw error("Unterminated string starting at", start) }
                    let e = scalars[i]
                    i += 1
                    switch e {
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    case "/": out.append("/")
                    case "b": out.append("\u{08}")
                    case "f": out.append("\u{0C}")
                    case "n": out.append("\n")
                    case "r": out.append("\r")
                    case "t": out.append("\t")
                    case "u":
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code), i + 1 < scalars.count, scalars[i] == "\\", scalars[i + 1] == "u" {
                            i += 2
                            let low = try hex4()
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    default: throw error("Invalid \\escape", i - 2)
                    }
                } else {
                    if c.value < 0x20 { throw error("Invalid control character at", i) }
                    out.append(c)
                    i += 1
                }
            }
            return String(out)
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= scalars.count, let v = UInt32(String(String.UnicodeScalarView(scalars[i..<(i + 4)])), radix: 16) else {
                throw error("Invalid \\uXXXX escape", i - 1)
            }
            i += 4
            return v
        }

        mutating func object() throws -> Value {
            let d = PyDict()
            i += 1
            skip()
            if i < scalars.count, scalars[i] == "}" {
                i += 1
                return try finish(d)
            }
            while true {
                skip()
                guard i < scalars.count, scalars[i] == "\"" else {
                    throw error("Expecting property name enclosed in double quotes", i)
                }
                let k = try string()
                skip()
                guard i < scalars.count, scalars[i] == ":" else { throw error("Expecting ':' delimiter", i) }
                i += 1
                skip()
                let v = try value()
                d.set(try rt.hashKey(.str(k)), v)
                skip()
                guard i < scalars.count else { throw error("Expecting ',' delimiter", i) }
                if scalars[i] == "}" { i += 1; return try finish(d) }
                guard scalars[i] == "," else { throw error("Expecting ',' delimiter", i) }
                i += 1
            }
        }

        func finish(_ d: PyDict) throws -> Value {
            objectHook.isNone ? .object(d) : try rt.call(objectHook, [.object(d)])
        }

        mutating func array() throws -> Value {
            var items: [Value] = []
            i += 1
            skip()
            if i < scalars.count, scalars[i] == "]" {
                i += 1
                return .object(PyList(items))
            }
            while true {
                skip()
                items.append(try value())
                skip()
                guard i < scalars.count else { throw error("Expecting ',' delimiter", i) }
                if scalars[i] == "]" { i += 1; return .object(PyList(items)) }
                guard scalars[i] == "," else { throw error("Expecting ',' delimiter", i) }
                i += 1
            }
        }
    }
}
