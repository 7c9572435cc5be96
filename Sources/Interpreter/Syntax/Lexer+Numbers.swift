/// Number literals, with CPython 3.11's rules and messages: `_` only between digits,
/// no leading zeros in decimal integers, a letter glued to a number is an
/// "invalid decimal literal" (except the keywords that may follow a number: `1if x else y`).
/// Integers beyond `Int` become `.bigInt` decimal digits; `1j` is valid Python that sftnb
/// does not run, so it is reported as not implemented.
extension Lexer {
    /// The error column CPython reports for number errors: the last character consumed.
    private func numberError(_ message: String, column: Int? = nil) -> SyntaxError {
        error(message, point(line, column ?? max(1, i - lineStart)))
    }

    mutating func number() throws -> Token {
        let start = i, startColumn = column
        var digits: [UInt8] = []
        var isFloat = false
        if src[i] == "0", let radixChar = peekScalar(1), let (radix, kind) = Lexer.radix(of: radixChar) {
            i += 2
            try readRadixDigits(radix: radix, kind: kind, into: &digits)
            try verifyEndOfNumber(kind: kind)
            return numberToken(.fromDigits(digits, radix: radix), start: start, column: startColumn)
        }
        if src[i] != "." {
            try readDecimalDigits(into: &digits)
        }
        let isLeadingZero = digits.count > 1 && digits[0] == 0
        if i < end, src[i] == "." {
            isFloat = true
            i += 1
            if i < end, Lexer.isDigit(src[i]) { try readDecimalDigits(into: &digits) }
        }
        if i < end, src[i] == "e" || src[i] == "E" {
            let ePosition = i
            i += 1
            var hasSign = false
            if i < end, src[i] == "+" || src[i] == "-" { i += 1; hasSign = true }
            if i < end, Lexer.isDigit(src[i]) {
                isFloat = true
                try readDecimalDigits(into: &digits)
            } else if hasSign {
                throw numberError("invalid decimal literal")
            } else {
                i = ePosition
            }
        }
        if i < end, src[i] == "j" || src[i] == "J" {
            i += 1
            try verifyEndOfNumber(kind: "imaginary")
            throw error("sftnb does not support complex numbers (imaginary literal '\(text(from: start))')",
                        SourceSpan(line: line, column: startColumn, endLine: line, endColumn: column),
                        kind: .notImplemented)
        }
        if !isFloat && isLeadingZero && digits.contains(where: { $0 != 0 }) {
            throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        point(line, startColumn))
        }
        try verifyEndOfNumber(kind: "decimal")
        let literal = text(from: start)
        if isFloat {
            let cleaned = literal.replacingUnderscores()
            let value = Double(cleaned) ?? Double(cleaned + "0") ?? .nan
            return numberToken(.float(value), start: start, column: startColumn)
        }
        return numberToken(.fromDigits(digits, radix: 10), start: start, column: startColumn)
    }

    private func text(from start: Int) -> String {
        makeString(src[start..<i])
    }

    private func numberToken(_ value: Constant, start: Int, column startColumn: Int) -> Token {
        var t = Token(.number, text(from: start), SourceSpan(line: line, column: startColumn, endLine: line,
                                                              endColumn: column))
        t.number = value
        return t
    }

    private static func radix(of c: Unicode.Scalar) -> (Int, String)? {
        switch c {
        case "x", "X": return (16, "hexadecimal")
        case "o", "O": return (8, "octal")
        case "b", "B": return (2, "binary")
        default: return nil
        }
    }

    private static func digitValue(_ c: Unicode.Scalar) -> Int? {
        switch c.value {
        case 48...57: return Int(c.value) - 48
        case 97...102: return Int(c.value) - 87
        case 65...70: return Int(c.value) - 55
        default: return nil
        }
    }

    /// Digits with single underscores between them; at least one digit.
    private mutating func readDecimalDigits(into digits: inout [UInt8]) throws {
        while true {
            while i < end, Lexer.isDigit(src[i]) {
                digits.append(UInt8(src[i].value - 48))
                i += 1
            }
            guard i < end, src[i] == "_" else { return }
            i += 1
            guard i < end, Lexer.isDigit(src[i]) else { throw numberError("invalid decimal literal") }
        }
    }

    private mutating func readRadixDigits(radix: Int, kind: String, into digits: inout [UInt8]) throws {
        while true {
            if i < end, src[i] == "_" { i += 1 }
            guard i < end, let d = Lexer.digitValue(src[i]), d < 10 || d < radix else {
                if digits.isEmpty || (i > 0 && src[i - 1] == "_") {
                    throw numberError("invalid \(kind) literal")
                }
                return
            }
            if d >= radix {
                i += 1
                throw numberError("invalid digit '\(src[i - 1])' in \(kind) literal")
            }
            digits.append(UInt8(d))
            i += 1
        }
    }

    /// CPython: a letter right after a number is an error, unless it starts one of the
    /// keywords that can follow a number in valid code (`and else for if in is not or`).
    private mutating func verifyEndOfNumber(kind: String) throws {
        guard i < end, Lexer.isIdentifierContinue(src[i]) else { return }
        for keyword in ["and", "else", "for", "if", "in", "is", "not", "or"] where hasPrefix(keyword) {
            return
        }
        throw numberError("invalid \(kind) literal", column: max(1, i - lineStart))
    }

    private func hasPrefix(_ word: String) -> Bool {
        var j = i
        for s in word.unicodeScalars {
            guard j < end, src[j] == s else { return false }
            j += 1
        }
        return true
    }
}

extension Constant {
    /// An integer from its digits (most significant first) in `radix`: `.int` when it
    /// fits, else `.bigInt` with the decimal digits (converted by schoolbook base-10⁹ limbs).
    static func fromDigits(_ digits: [UInt8], radix: Int) -> Constant {
        var value = 0
        var overflow = false
        for d in digits {
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (a, o2) = m.addingReportingOverflow(Int(d))
            if o1 || o2 { overflow = true; break }
            value = a
        }
        if !overflow { return .int(value) }
        var limbs: [UInt64] = [0]  // little-endian, base 1e9
        let base: UInt64 = 1_000_000_000
        for d in digits {
            var carry = UInt64(d)
            for k in 0..<limbs.count {
                let x = limbs[k] * UInt64(radix) + carry
                limbs[k] = x % base
                carry = x / base
            }
            while carry > 0 { limbs.append(carry % base); carry /= base }
        }
        var text = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let s = String(limb)
            text += String(repeating: "0", count: 9 - s.count) + s
        }
        return .bigInt(text)
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "_" }))
    }
}
