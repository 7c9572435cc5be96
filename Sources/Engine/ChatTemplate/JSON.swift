import Foundation

/// JSON in and out of template values. Reading keeps object key order (which
/// Foundation's JSONSerialization loses) because templates print dicts in
/// order; writing reproduces Python's `json.dumps`, which transformers'
/// `tojson` filter calls with `ensure_ascii=False`.
extension JinjaValue {
    /// Parses JSON text into a value (objects become insertion-ordered dicts).
    public static func parseJSON(_ text: String) throws -> JinjaValue {
        var parser = JSONReader(chars: Array(text.unicodeScalars))
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.pos == parser.chars.count else { throw parser.error("unexpected text after the JSON value") }
        return value
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


private struct JSONReader {
    let chars: [Unicode.Scalar]
    var pos = 0

    func error(_ message: String) -> TemplateError {
        TemplateError.runtime("invalid JSON at offset \(pos): \(message)")
    }

    mutating func skipSpace() {
        while pos < chars.count, [" ", "\n", "\r", "\t"].contains(chars[pos]) { pos += 1 }
    }

    mutating func literal(_ word: String, _ value: JinjaValue) throws -> JinjaValue {
        for c in word.unicodeScalars {
            guard pos < chars.count, chars[pos] == c else { throw error("expected '\(word)'") }
            pos += 1
        }
        return value
    }

    mutating func value() throws -> JinjaValue {
        guard pos < chars.count else { throw error("unexpected end") }
        switch chars[pos] {
        case "{":
            pos += 1
            var dict = JinjaDict()
            skipSpace()
            if pos < chars.count, chars[pos] == "}" { pos += 1; return .dict(dict) }
            while true {
                skipSpace()
                guard pos < chars.count, chars[pos] == "\"" else { throw error("expected a string key") }
                let key = try string()
                skipSpace()
                guard pos < chars.count, chars[pos] == ":" else { throw error("expected ':'") }
                pos += 1
                skipSpace()
                dict[key] = try value()
                skipSpace()
                guard pos < chars.count else { throw error("unexpected end") }
                if chars[pos] == "," { pos += 1; continue }
                if chars[pos] == "}" { pos += 1; return .dict(dict) }
                throw error("expected ',' or '}'")
            }
        case "[":
            pos += 1
            var items: [JinjaValue] = []
            skipSpace()
            if pos < chars.count, chars[pos] == "]" { pos += 1; return .list(items) }
            while true {
                skipSpace()
                items.append(try value())
                skipSpace()
                guard pos < chars.count else { throw error("unexpected end") }
                if chars[pos] == "," { pos += 1; continue }
                if chars[pos] == "]" { pos += 1; return .list(items) }
                throw error("expected ',' or ']'")
            }
        case "\"": return .string(try string())
        case "t": return try literal("true", .bool(true))
        case "f": return try literal("false", .bool(false))
        case "n": return try literal("null", .none)
        case "N": return try literal("NaN", .float(.nan))
        case "I": return try literal("Infinity", .float(.infinity))
        default: return try number()
        }
    }

    mutating func number() throws -> JinjaValue {
        let start = pos
        var isFloat = false
        while pos < chars.count, "+-0123456789.eE".unicodeScalars.contains(chars[pos]) {
            if ".eE".unicodeScalars.contains(chars[pos]) { isFloat = true }
            pos += 1
        }
        let text = String(String.UnicodeScalarView(chars[start..<pos]))
        if text == "-", pos < chars.count, chars[pos] == "I" {
            _ = try literal("Infinity", .none)
            return .float(-.infinity)
        }
        if !isFloat, let i = Int(text) { return .int(i) }
        guard let d = Double(text) else { throw error("invalid number '\(text)'") }
        return .float(d)
    }

    mutating func string() throws -> String {
        pos += 1
        var out = String.UnicodeScalarView()
        while pos < chars.count {
            let c = chars[pos]
            pos += 1
            if c == "\"" { return String(out) }
            guard c == "\\" else { out.append(c); continue }
            guard pos < chars.count else { break }
            let e = chars[pos]
            pos += 1
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "u":
                var v = try hex4()
                if (0xD800..<0xDC00).contains(v), pos + 1 < chars.count, chars[pos] == "\\", chars[pos + 1] == "u" {
                    pos += 2
                    let low = try hex4()
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                }
                out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            default: out.append(e)
            }
        }
        throw error("unterminated string")
    }

    mutating func hex4() throws -> UInt32 {
        guard pos + 4 <= chars.count, let v = UInt32(String(String.UnicodeScalarView(chars[pos..<(pos + 4)])), radix: 16) else {
            throw error("invalid \\u escape")
        }
        pos += 4
        return v
    }
}
