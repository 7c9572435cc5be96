import Foundation

/// JSON in and out of template values. Reading keeps object key order (which
/// Foundation's JSONSerialization loses) because templates print dicts in
/// order; writing reproduces Python's `json.dumps`, which transformers'
/// `tojson` filter calls with `ensure_ascii=False`.
extension JinjaValue {
    /// Parses JSON text into a value (objects become insertion-ordered dicts), with the
    /// engine's JSON parser (Python's error messages).
    public static func parseJSON(_ text: String) throws -> JinjaValue {
        JinjaValue(json: try JSONParser.parse(text))
    }

    /// A parsed JSON value as a template value; object key order is kept.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .none
        case let .bool(b): self = .bool(b)
        case let .int(i): self = .int(Int(i))
        case let .double(d): self = .float(d)
        case let .string(s): self = .string(s)
        case let .array(items): self = .list(items.map(JinjaValue.init(json:)))
        case let .object(o): self = .dict(JinjaDict(o.pairs.map { ($0.key, JinjaValue(json: $0.value)) }))
        }
    }

    /// Python's `json.dumps(self, ensure_ascii=..., indent=..., separators=..., sort_keys=...)`.
    /// `indent` is a number of spaces or a string; `separators` is (item, key).
    public func toJSON(ensureASCII: Bool = false, indent: String? = nil, separators: (String, String)? = nil,
                sortKeys: Bool = false) throws -> String {
        let seps = separators ?? (indent == nil ? (", ", ": ") : (",", ": "))
        var out = ""
        try writeJSON(self, into: &out, level: 0, indent: indent, seps: seps, ensureASCII: ensureASCII, sortKeys: sortKeys)
        return out
    }
}

private func writeJSON(_ v: JinjaValue, into out: inout String, level: Int, indent: String?, seps: (String, String),
                       ensureASCII: Bool, sortKeys: Bool) throws {
    func newline(_ depth: Int) {
        if let indent { out += "\n" + String(repeating: indent, count: depth) }
    }
    switch v {
    case .none: out += "null"
    case let .bool(b): out += b ? "true" : "false"
    case let .int(i): out += String(i)
    case let .float(f):
        out += f.isNaN ? "NaN" : f.isInfinite ? (f < 0 ? "-Infinity" : "Infinity") : pythonFloatRepr(f)
    case let .string(s): out += JSONWriter.quoted(s, ensureASCII: ensureASCII)
    case let .list(items), let .tuple(items):
        if items.isEmpty { out += "[]"; return }
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += seps.0 }
            newline(level + 1)
            try writeJSON(item, into: &out, level: level + 1, indent: indent, seps: seps, ensureASCII: ensureASCII, sortKeys: sortKeys)
        }
        newline(level)
        out += "]"
    case let .dict(d):
        if d.isEmpty { out += "{}"; return }
        var entries = try d.entries.map { (try jsonKey($0.key), $0.value) }
        if sortKeys { entries.sort { $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) } }
        out += "{"
        for (i, (key, value)) in entries.enumerated() {
            if i > 0 { out += seps.0 }
            newline(level + 1)
            out += JSONWriter.quoted(key, ensureASCII: ensureASCII) + seps.1
            try writeJSON(value, into: &out, level: level + 1, indent: indent, seps: seps, ensureASCII: ensureASCII, sortKeys: sortKeys)
        }
        newline(level)
        out += "}"
    case .undefined, .namespace, .function:
        throw TemplateError.runtime("Object of type \(v.typeName) is not JSON serializable")
    }
}

/// Python's json converts non-string keys to their JSON text.
private func jsonKey(_ key: JinjaValue) throws -> String {
    switch key {
    case let .string(s): return s
    case .none: return "null"
    case let .bool(b): return b ? "true" : "false"
    case let .int(i): return String(i)
    case let .float(f): return pythonFloatRepr(f)
    default: throw TemplateError.runtime("keys must be str, int, float, bool or None, not \(key.typeName)")
    }
}
