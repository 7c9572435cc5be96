/// Python's `repr(float)`: the shortest digits that round-trip, in exponent form when the
/// decimal exponent is below -4 or at least 16 (`1e-05`, `1e+16`, `0.0001`, `123.0`).
/// Swift's `description` finds the same shortest digits but lays them out differently.
public enum PythonFloat {
    public static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, exponent) = shortestDigits(value)
        var out = negative ? "-" : ""
        // `exponent` is the decimal exponent of the first digit: value = 0.d1d2... × 10^(exponent+1).
        if exponent < -4 || exponent >= 16 {
            out += String(digits.first!)
            if digits.count > 1 { out += "." + digits.dropFirst() }
            out += exponent < 0 ? "e-" : "e+"
            let e = abs(exponent)
            out += e < 10 ? "0\(e)" : "\(e)"
        } else if exponent < 0 {
            out += "0." + String(repeating: "0", count: -exponent - 1) + digits
        } else if digits.count <= exponent + 1 {
            out += digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
        } else {
            let split = digits.index(digits.startIndex, offsetBy: exponent + 1)
            out += digits[..<split] + "." + digits[split...]
        }
        return out
    }

    /// The sign, the shortest round-trip significant digits (no leading/trailing zeros) and the
    /// decimal exponent of the first digit, read from Swift's shortest representation.
    static func shortestDigits(_ value: Double) -> (Bool, String, Int) {
        let text = abs(value).description  // e.g. "123.45", "1e-05", "1.5e+16"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var intPart = mantissa
        var fracPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = mantissa[..<dot]
            fracPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(intPart) + fracPart
        var firstExponent = exponent + intPart.count - 1
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            firstExponent -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (value.sign == .minus, digits, firstExponent)
    }
}
