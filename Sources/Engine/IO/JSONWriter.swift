import Foundation

/// Writes JSON exactly as Python's `json.dumps` does, because the files sftnb writes
/// (`config.json`, `generation_config.json`, shard indexes) should be byte-identical to
/// what transformers writes: `json.dumps(d, indent=2, sort_keys=True)` — `", "`/`": "`
/// separators, non-ASCII escaped as `\uXXXX`, floats in Python's `repr` form (`1e-05`,
/// `10000.0`), `NaN`/`Infinity` as Python spells them.
public struct JSONWriter {
    /// Spaces per nesting level; nil writes everything on one line.
    public var indent: Int?
    public var sortKeys: Bool
    /// Python's `separators=(",", ":")` (safetensors headers) instead of `", "`/`": "`.
    public var compact: Bool

    public init(indent: Int? = 2, sortKeys: Bool = true, compact: Bool = false) {
        self.indent = indent
        self.sortKeys = sortKeys
        self.compact = compact
    }

    public func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, level: 0, into: &out)
        return out
    }

    private func write(_ value: JSONValue, level: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .double(d): out += JSONWriter.pythonRepr(d)
        case let .string(s): JSONWriter.writeString(s, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += itemSeparator }
                newline(level + 1, into: &out)
                write(item, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out += "]"
        case let .object(object):
            if object.isEmpty { out += "{}"; return }
            out += "{"
            let keys = sortKeys ? object.keys.sorted(by: JSONWriter.pythonOrder) : object.keys
            for (i, key) in keys.enumerated() {
                if i > 0 { out += itemSeparator }
                newline(level + 1, into: &out)
                JSONWriter.writeString(key, into: &out)
                out += compact ? ":" : ": "
                write(object[key] ?? .null, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out += "}"
        }
    }

    /// Python uses "," after items when indenting (no trailing space) and ", " otherwise.
    private var itemSeparator: String { (indent != nil || compact) ? "," : ", " }

    private func newline(_ level: Int, into out: inout String) {
        guard let indent else { return }
        out += "\n"
        out += String(repeating: " ", count: indent * level)
    }

    /// Python sorts `str` keys by code point, which is what comparing Unicode scalars gives.
    static func pythonOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    static func writeString(_ s: String, into out: inout String) {
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
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    if scalar.value > 0xFFFF {
                        // UTF-16 surrogate pair, as Python's ensure_ascii writes it.
                        let v = scalar.value - 0x10000
                        out += hex4(0xD800 + (v >> 10))
                        out += hex4(0xDC00 + (v & 0x3FF))
                    } else {
                        out += hex4(scalar.value)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Python's `repr(float)`: the shortest digits that round-trip (Swift's `description`
    /// finds the same digits), laid out in positional form when the decimal exponent is in
    /// [-4, 16), else as `d.ddde±XX`.
    public static func pythonRepr(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        // Extract the shortest round-trip digits and the decimal exponent from Swift's output.
        let text = "\(abs(d))"
        var mantissa = text
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(text[..<e])
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = intPart + fracPart
        var pointPos = intPart.count + exponent  // position of the decimal point in `digits`
        let leadingZeros = digits.prefix { $0 == "0" }.count
        digits.removeFirst(leadingZeros)
        pointPos -= leadingZeros
        while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        if digits.isEmpty { return d.sign == .minus ? "-0.0" : "0.0" }
        let decimalExponent = pointPos - 1  // scientific exponent: d.ddd × 10^decimalExponent
        var result = d < 0 ? "-" : ""
        if decimalExponent < -4 || decimalExponent >= 16 {
            result += String(digits.first!)
            if digits.count > 1 { result += "." + digits.dropFirst() }
            result += "e" + (decimalExponent < 0 ? "-" : "+")
            let magnitude = String(abs(decimalExponent))
            result += magnitude.count < 2 ? "0" + magnitude : magnitude
        } else if pointPos <= 0 {
            result += "0." + String(repeating: "0", count: -pointPos) + digits
        } else if pointPos >= digits.count {
            result += digits + String(repeating: "0", count: pointPos - digits.count) + ".0"
        } else {
            let i = digits.index(digits.startIndex, offsetBy: pointPos)
            result += digits[..<i] + "." + digits[i...]
        }
        return result
    }
}
