import Foundation

/// Text forms of values exactly as Python prints them, since templates print
/// values with `str()` (`{{ x }}`) and containers with `repr()` of their items.
extension JinjaValue {
    /// Python's `str(value)`; undefined prints as nothing (jinja2's default Undefined).
    public var pyStr: String {
        switch self {
        case .undefined: return ""
        case let .string(s): return s
        default: return pyRepr
        }
    }

    /// Python's `repr(value)`.
    public var pyRepr: String {
        switch self {
        case .undefined: return "Undefined"
        case .none: return "None"
        case let .bool(b): return b ? "True" : "False"
        case let .int(i): return String(i)
        case let .float(f): return pythonFloatRepr(f)
        case let .string(s): return pythonStringRepr(s)
        case let .list(l): return "[" + l.map(\.pyRepr).joined(separator: ", ") + "]"
        case let .tuple(t):
            return t.count == 1 ? "(\(t[0].pyRepr),)" : "(" + t.map(\.pyRepr).joined(separator: ", ") + ")"
        case let .dict(d):
            return "{" + d.entries.map { "\($0.key.pyRepr): \($0.value.pyRepr)" }.joined(separator: ", ") + "}"
        case let .namespace(ns):
            return "<Namespace \(JinjaValue.dict(ns.attributes).pyRepr)>"
        case let .function(f): return "<function \(f.name)>"
        }
    }
}

/// Python's float `repr`: the shortest digits that round-trip (which Swift's
/// `description` also finds), laid out in fixed notation for decimal
/// exponents -4..<16 and as `1e+16` otherwise.
func pythonFloatRepr(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
    let swift = "\(abs(x))"
    let parts = swift.split(separator: "e", maxSplits: 1)
    let mantissa = parts[0]
    var exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    // Digits of the mantissa and where its decimal point sits.
    let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let intPart = String(pieces[0])
    let fracPart = pieces.count > 1 ? String(pieces[1]) : ""
    var digits = intPart + fracPart
    var pointPos = intPart.count  // value = 0.digits... shifted: digits[0..<pointPos] . rest
    let leadingZeros = digits.prefix { $0 == "0" }.count
    digits.removeFirst(leadingZeros)
    pointPos -= leadingZeros
    while digits.hasSuffix("0") { digits.removeLast() }
    if digits.isEmpty { digits = "0" }
    exponent += pointPos - 1  // scientific exponent: value = d.ddd × 10^exponent
    let sign = x < 0 ? "-" : ""
    if exponent >= -4 && exponent < 16 {
        if exponent >= 0 {
            let whole = digits.count > exponent + 1
                ? String(digits.prefix(exponent + 1))
                : digits + String(repeating: "0", count: exponent + 1 - digits.count)
            let frac = digits.count > exponent + 1 ? String(digits.dropFirst(exponent + 1)) : "0"
            return sign + whole + "." + frac
        }
        return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
    }
    let mant = digits.count > 1 ? String(digits.prefix(1)) + "." + String(digits.dropFirst()) : digits
    let expText = String(format: "%02d", abs(exponent))
    return sign + mant + "e" + (exponent < 0 ? "-" : "+") + expText
}

/// Python's `str.isprintable` for one scalar, which decides escaping in `repr`.
private func isPrintable(_ c: Unicode.Scalar) -> Bool {
    if c == " " { return true }
    switch c.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
        return false
    default:
        return true
    }
}

func pythonStringRepr(_ s: String) -> String {
    let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for c in s.unicodeScalars {
        switch c {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(c) == quote {
                out += "\\" + String(quote)
            } else if isPrintable(c) {
                out.unicodeScalars.append(c)
            } else if c.value < 0x100 {
                out += String(format: "\\x%02x", c.value)
            } else if c.value < 0x10000 {
                out += String(format: "\\u%04x", c.value)
            } else {
                out += String(format: "\\U%08x", c.value)
            }
        }
    }
    out.append(quote)
    return out
}

/// Python `==` between template values (numbers compare across int/float/bool).
func pyEquals(_ a: JinjaValue, _ b: JinjaValue) -> Bool {
    switch (a, b) {
    case (.undefined, .undefined), (.none, .none): return true
    case let (.string(x), .string(y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case let (.list(x), .list(y)), let (.tuple(x), .tuple(y)):
        return x.count == y.count && zip(x, y).allSatisfy(pyEquals)
    case let (.dict(x), .dict(y)):
        return x.count == y.count && x.entries.allSatisfy { e in y[e.key].map { pyEquals($0, e.value) } ?? false }
    case let (.namespace(x), .namespace(y)): return x === y
    case let (.function(x), .function(y)): return x === y
    default:
        if let x = a.numericValue, let y = b.numericValue { return x == y }
        return false
    }
}

extension JinjaValue {
    /// Booleans, ints and floats as a number (bool is an int in Python).
    var numericValue: Double? {
        switch self {
        case let .bool(b): return b ? 1 : 0
        case let .int(i): return Double(i)
        case let .float(f): return f
        default: return nil
        }
    }

    var intValue: Int? {
        switch self {
        case let .bool(b): return b ? 1 : 0
        case let .int(i): return i
        default: return nil
        }
    }
}

/// Python ordering (`<`), for comparisons and `sort`. Returns nil when Python would raise.
func pyLess(_ a: JinjaValue, _ b: JinjaValue) -> Bool? {
    switch (a, b) {
    case let (.string(x), .string(y)): return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
    case let (.list(x), .list(y)), let (.tuple(x), .tuple(y)):
        for (p, q) in zip(x, y) where !pyEquals(p, q) { return pyLess(p, q) }
        return x.count < y.count
    default:
        if let x = a.intValue, let y = b.intValue { return x < y }
        if let x = a.numericValue, let y = b.numericValue { return x < y }
        return nil
    }
}
