/// Writes JSON text exactly as Python's `json.dumps` does with the same options, so files
/// sftnb writes (notebooks, configs, trainer state) are byte-identical to the Python tools'.
public struct JSONWriter {
    /// `indent=None` writes one line; `indent=n` puts each item on its own line.
    public var indent: Int?
    public var sortKeys: Bool
    public var ensureASCII: Bool
    /// Python's default separators are `(", ", ": ")` without indent and `(",", ": ")` with it.
    public var itemSeparator: String
    public var keySeparator: String

    public init(indent: Int? = nil, sortKeys: Bool = false, ensureASCII: Bool = true,
                itemSeparator: String? = nil, keySeparator: String = ": ") {
        self.indent = indent
        self.sortKeys = sortKeys
        self.ensureASCII = ensureASCII
        self.itemSeparator = itemSeparator ?? (indent == nil ? ", " : ",")
        self.keySeparator = keySeparator
    }

    /// nbformat's writer: `indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False`.
    public static let notebook = JSONWriter(indent: 1, sortKeys: true, ensureASCII: false)
    /// transformers' `config.json`/index files: `json.dumps(d, indent=2, sort_keys=True)`.
    public static let transformers = JSONWriter(indent: 2, sortKeys: true)

    public func string(_ value: JSONValue) -> String {
        var out = ""
        out.reserveCapacity(4096)
        write(value, into: &out, level: 0)
        return out
    }

    func write(_ value: JSONValue, into out: inout String, level: Int) {
        switch value {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .double(d):
            if d.isNaN { out += "NaN" } else if d.isInfinite { out += d < 0 ? "-Infinity" : "Infinity" } else {
                out += PythonFloat.repr(d)
            }
        case let .string(s): writeString(s, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += itemSeparator }
                newline(into: &out, level: level + 1)
                write(item, into: &out, level: level + 1)
            }
            newline(into: &out, level: level)
            out += "]"
        case let .object(object):
            if object.count == 0 { out += "{}"; return }
            out += "{"
            let pairs = sortKeys ? object.pairs.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) } : object.pairs
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += itemSeparator }
                newline(into: &out, level: level + 1)
                writeString(pair.key, into: &out)
                out += keySeparator
                write(pair.value, into: &out, level: level + 1)
            }
            newline(into: &out, level: level)
            out += "}"
        }
    }

    func newline(into out: inout String, level: Int) {
        guard let indent else { return }
        out += "\n"
        out += String(repeating: " ", count: indent * level)
    }

    func writeString(_ s: String, into out: inout String) {
        JSONWriter.appendQuoted(s, ensureASCII: ensureASCII, to: &out)
    }

    /// A JSON string literal as Python's `json.dumps` writes it: `"`, `\`, `\n`, `\r`, `\t`,
    /// `\b`, `\f` by name, other control characters as `\u00XX`, and with `ensureASCII`
    /// everything outside printable ASCII as `\uXXXX` (UTF-16 surrogate pairs above U+FFFF).
    /// Without `ensureASCII` it is also serde_json's escaping (safetensors headers). The one
    /// escaper for the engine's and the interpreter's JSON writers and Jinja's `tojson`.
    public static func appendQuoted(_ s: String, ensureASCII: Bool, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || (ensureASCII && scalar.value > 0x7E) {
                    if scalar.value > 0xFFFF {
                        let v = scalar.value - 0x10000
                        appendHex4(0xD800 + (v >> 10), to: &out)
                        appendHex4(0xDC00 + (v & 0x3FF), to: &out)
                    } else {
                        appendHex4(scalar.value, to: &out)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    public static func quoted(_ s: String, ensureASCII: Bool) -> String {
        var out = ""
        appendQuoted(s, ensureASCII: ensureASCII, to: &out)
        return out
    }

    static func appendHex4(_ v: UInt32, to out: inout String) {
        let h = String(v, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
    }
}
