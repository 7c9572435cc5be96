import Foundation

/// A small deterministic JSON writer for the files tokenizers save: objects with sorted
/// keys (a vocabulary, whose values are all integers, in id order, as tokenizers
/// writes it), booleans as `true`/`false` (never 0/1), non-ASCII kept as UTF-8.
enum TokenizerJSONWriter {
    /// A number written verbatim (for values beyond Int, like transformers' int(1e30)).
    struct RawNumber { let text: String }

    static func string(_ value: Any, indent: Int = 2) -> String {
        var out = ""
        write(value, into: &out, level: 0, indent: indent)
        out.append("\n")
        return out
    }

    private static func write(_ value: Any, into out: inout String, level: Int, indent: Int) {
        let pad = String(repeating: " ", count: (level + 1) * indent)
        let closePad = String(repeating: " ", count: level * indent)
        switch value {
        case is NSNull: out += "null"
        case let raw as RawNumber: out += raw.text
        case let b as Bool where isJSONBool(value): out += b ? "true" : "false"
        case let n as Int: out += String(n)
        case let d as Double: out += d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case let s as String: quote(s, into: &out)
        case let a as [Any]:
            if a.isEmpty { out += "[]"; return }
            // Short lists of scalars (merge pairs, ids) stay on one line.
            let inline = a.count <= 4 && a.allSatisfy { $0 is String || $0 is Int }
            out += inline ? "[" : "[\n"
            for (i, v) in a.enumerated() {
                if !inline { out += pad }
                write(v, into: &out, level: level + 1, indent: indent)
                if i < a.count - 1 { out += inline ? ", " : ",\n" }
            }
            out += inline ? "]" : "\n\(closePad)]"
        case let d as [String: Any]:
            if d.isEmpty { out += "{}"; return }
            let keys: [String]
            if d.values.allSatisfy({ $0 is Int && !isJSONBool($0) }) {
                keys = d.keys.sorted { (d[$0] as! Int, $0) < (d[$1] as! Int, $1) }
            } else {
                keys = d.keys.sorted()
            }
            out += "{\n"
            for (i, k) in keys.enumerated() {
                out += pad
                quote(k, into: &out)
                out += ": "
                write(d[k]!, into: &out, level: level + 1, indent: indent)
                if i < keys.count - 1 { out += "," }
                out += "\n"
            }
            out += "\(closePad)}"
        default:
            out += "null"
        }
    }

    /// True for Swift booleans and for the booleans JSONSerialization parses (which are
    /// NSNumbers that would otherwise also cast to Int).
    static func isJSONBool(_ v: Any) -> Bool {
        if Swift.type(of: v) == Bool.self { return true }
        guard let n = v as? NSNumber else { return false }
        return String(cString: n.objCType) == "c"
    }

    private static func quote(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
