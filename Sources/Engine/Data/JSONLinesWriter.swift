import Foundation

/// `ds.to_json(path)`: JSON Lines written byte-for-byte as `datasets` writes them (it
/// calls pandas' `DataFrame.to_json(orient="records", lines=True)`, i.e. pandas' ujson):
/// no spaces, `/` escaped as `\/`, non-ASCII as `\uXXXX` (surrogate pairs above the
/// BMP), floats with at most 10 decimals and trailing zeros dropped (`0.3`, `2.0`),
/// exponent form above 1e16 (`1e+17`), NaN and infinities as `null`.
extension Dataset {
    public func toJSONLines() -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(numRows * 64)
        for i in 0..<numRows {
            let r = storageRow(i)
            out.append(UInt8(ascii: "{"))
            for (c, name) in columnNames.enumerated() {
                if c > 0 { out.append(UInt8(ascii: ",")) }
                JSONLinesWriter.appendString(name, to: &out)
                out.append(UInt8(ascii: ":"))
                JSONLinesWriter.append(columns[c].value(at: r), to: &out)
            }
            out.append(contentsOf: Array("}\n".utf8))
        }
        return Data(out)
    }

    public func toJSON(path: String) throws {
        try AtomicFile.write(toJSONLines(), to: path)
    }
}

enum JSONLinesWriter {
    static func append(_ v: DataValue, to out: inout [UInt8]) {
        switch v {
        case .null: out.append(contentsOf: Array("null".utf8))
        case let .bool(b): out.append(contentsOf: Array((b ? "true" : "false").utf8))
        case let .int(x): out.append(contentsOf: Array(String(x).utf8))
        case let .double(x): out.append(contentsOf: Array(formatDouble(x).utf8))
        case let .string(s): appendString(s, to: &out)
        case let .list(items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .dict(d):
            out.append(UInt8(ascii: "{"))
            for (i, (k, item)) in d.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendString(k, to: &out)
                out.append(UInt8(ascii: ":"))
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for u in s.utf16 {
            switch u {
            case 0x22: out.append(contentsOf: [0x5c, 0x22])
            case 0x5c: out.append(contentsOf: [0x5c, 0x5c])
            case 0x2f: out.append(contentsOf: [0x5c, 0x2f])
            case 0x08: out.append(contentsOf: [0x5c, UInt8(ascii: "b")])
            case 0x0c: out.append(contentsOf: [0x5c, UInt8(ascii: "f")])
            case 0x0a: out.append(contentsOf: [0x5c, UInt8(ascii: "n")])
            case 0x0d: out.append(contentsOf: [0x5c, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5c, UInt8(ascii: "t")])
            case 0x20..<0x7f: out.append(UInt8(u))
            default:
                out.append(contentsOf: [0x5c, UInt8(ascii: "u"),
                                        hex[Int(u >> 12) & 15], hex[Int(u >> 8) & 15],
                                        hex[Int(u >> 4) & 15], hex[Int(u) & 15]])
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// pandas' ujson float format with its default `double_precision=10`.
    static func formatDouble(_ x: Double) -> String {
        if !x.isFinite { return "null" }
        if abs(x) > 1e16 {
            // C's %.10g, as ujson uses beyond its fixed-point range.
            return String(format: "%.10g", x)
        }
        var s = String(format: "%.10f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s += "0" }
        if s == "-0.0" { s = "0.0" }
        return s
    }
}
