/// String and bytes literals: every prefix (`r u b br rb f fr rf`, any case), single,
/// double and triple quotes, escapes decoded as CPython does (`\N{...}` is reported as
/// not implemented). An f-string stays one token, as in CPython 3.11; its body is split
/// into literal parts and fields by `FStringParser`.
struct StringPrefix {
    var isRaw = false
    var isBytes = false
    var isFormatted = false

    init() {}

    init?(_ scalars: ArraySlice<Unicode.Scalar>) {
        guard scalars.count <= 2 else { return nil }
        var seen = Set<Unicode.Scalar>()
        for c in scalars {
            let lower = Unicode.Scalar(UInt8(ascii: c).lowercasedASCII)
            guard !seen.contains(lower) else { return nil }
            seen.insert(lower)
            switch lower {
            case "r": isRaw = true
            case "b": isBytes = true
            case "f": isFormatted = true
            case "u": if scalars.count > 1 { return nil }
            default: return nil
            }
        }
        if isBytes && isFormatted { return nil }
    }
}

private extension UInt8 {
    /// The byte of an ASCII scalar (non-ASCII maps to a byte no prefix letter uses).
    init(ascii c: Unicode.Scalar) { self = c.value < 128 ? UInt8(c.value) : 0 }
    var lowercasedASCII: UInt8 { self >= 65 && self <= 90 ? self + 32 : self }
}

extension Lexer {
    mutating func string(prefix: StringPrefix, start: Int) throws -> Token {
        let startLine = line, startColumn = start - lineStart + 1
        let startSpan = point(startLine, startColumn)
        let quote = src[i]
        var quoteLength = 1
        if i + 2 < end, src[i + 1] == quote, src[i + 2] == quote { quoteLength = 3 }
        i += quoteLength
        let bodyStart = i, bodyLine = line, bodyColumn = column
        var bodyEnd = i
        var hasEscapeOrCR = false
        /// `'abc\` at the very end of the input: the REPL reads the next line into the string.
        var endsWithBackslash = false
        scan: while true {
            guard i < end else {
                let endedWithBreak = i > 0 && (src[i - 1] == "\n" || src[i - 1] == "\r")
                let detected = endedWithBreak ? line - 1 : line
                if quoteLength == 3 {
                    throw error("unterminated triple-quoted string literal (detected at line \(detected))", startSpan,
                                incomplete: true)
                }
                throw error("unterminated string literal (detected at line \(detected))", startSpan,
                            incomplete: endsWithBackslash)
            }
            let c = src[i]
            switch c {
            case "\\":
                hasEscapeOrCR = true
                i += 1
                if i < end {
                    if src[i] == "\n" || src[i] == "\r" { consumeLineBreak() } else { i += 1 }
                } else {
                    endsWithBackslash = true
                }
            case "\n", "\r":
                if quoteLength == 1 {
                    throw error("unterminated string literal (detected at line \(line))", startSpan)
                }
                if c == "\r" { hasEscapeOrCR = true }
                consumeLineBreak()
            default:
                if c == quote && (quoteLength == 1 || (i + 2 < end && src[i + 1] == quote && src[i + 2] == quote)) {
                    bodyEnd = i
                    i += quoteLength
                    break scan
                }
                i += 1
            }
        }
        var literal = StringLiteral()
        literal.isRaw = prefix.isRaw
        literal.isBytes = prefix.isBytes
        literal.isFormatted = prefix.isFormatted
        literal.bodyStart = bodyStart
        literal.bodyEnd = bodyEnd
        literal.bodyLine = bodyLine
        literal.bodyColumn = bodyColumn
        let tokenSpan = span(from: start, line: startLine, lineStart: start - (startColumn - 1))
        if prefix.isBytes {
            if src[bodyStart..<bodyEnd].contains(where: { $0.value >= 128 }) {
                throw error("bytes can only contain ASCII literal characters", startSpan)
            }
            literal.bytes = try Lexer.decode(src, bodyStart, bodyEnd, isRaw: prefix.isRaw, isBytes: true,
                                             errorSpan: tokenSpan, file: file).map { UInt8(truncatingIfNeeded: $0) }
        } else if !prefix.isFormatted {
            if hasEscapeOrCR {
                literal.value = try Lexer.decodeString(src, bodyStart, bodyEnd, isRaw: prefix.isRaw,
                                                       errorSpan: tokenSpan, file: file)
            } else {
                literal.value = makeString(src[bodyStart..<bodyEnd])
            }
        }
        var t = Token(.string, "", tokenSpan)
        t.literal = LiteralBox(literal)
        return t
    }

    static func decodeString(_ src: [Unicode.Scalar], _ start: Int, _ end: Int, isRaw: Bool,
                             errorSpan: SourceSpan, file: SourceFile) throws -> String {
        let values = try decode(src, start, end, isRaw: isRaw, isBytes: false, errorSpan: errorSpan, file: file)
        var view = String.UnicodeScalarView()
        for v in values {
            guard let s = Unicode.Scalar(v) else {
                throw SyntaxError(.notImplemented, "sftnb strings cannot hold lone surrogates (U+\(String(v, radix: 16, uppercase: true)))",
                                  at: errorSpan, in: file)
            }
            view.append(s)
        }
        return String(view)
    }

    /// Decodes the escapes of a literal body `src[start..<end]` into scalar values (bytes for
    /// a bytes literal); `\r\n` and `\r` in the source become `\n` as CPython reads them.
    static func decode(_ src: [Unicode.Scalar], _ start: Int, _ end: Int, isRaw: Bool, isBytes: Bool,
                       errorSpan: SourceSpan, file: SourceFile) throws -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(end - start)
        var j = start
        func fail(_ message: String, _ kind: SyntaxError.Kind = .syntaxError) -> SyntaxError {
            let at = SourceSpan(line: errorSpan.endLine, column: errorSpan.endColumn, endLine: errorSpan.endLine,
                                endColumn: errorSpan.endColumn + 1)
            return SyntaxError(kind, message, at: at, in: file)
        }
        func hexDigits(_ count: Int, _ escapeStart: Int, _ name: String) throws -> UInt32 {
            var value: UInt32 = 0
            for k in 0..<count {
                guard j < end, let d = hexValue(src[j]) else {
                    let from = escapeStart - start
                    if isBytes { throw fail("(value error) invalid \\x escape at position \(from)") }
                    throw fail("(unicode error) 'unicodeescape' codec can't decode bytes in position \(from)-\(from + 1 + k): truncated \\\(name) escape")
                }
                value = value * 16 + d
                j += 1
            }
            return value
        }
        while j < end {
            let c = src[j]
            if c == "\r" {
                out.append(10)
                j += 1
                if j < end && src[j] == "\n" { j += 1 }
                continue
            }
            guard c == "\\", !isRaw, j + 1 < end else {
                if c == "\\" && isRaw && j + 1 < end {
                    out.append(c.value)
                    out.append(src[j + 1] == "\r" ? 10 : src[j + 1].value)
                    j += 2
                    if src[j - 1] == "\r" && j < end && src[j] == "\n" { j += 1 }
                    continue
                }
                out.append(c.value)
                j += 1
                continue
            }
            let escapeStart = j
            let e = src[j + 1]
            j += 2
            switch e {
            case "\n": break
            case "\r": if j < end && src[j] == "\n" { j += 1 }
            case "\\": out.append(92)
            case "'": out.append(39)
            case "\"": out.append(34)
            case "a": out.append(7)
            case "b": out.append(8)
            case "f": out.append(12)
            case "n": out.append(10)
            case "r": out.append(13)
            case "t": out.append(9)
            case "v": out.append(11)
            case "0"..."7":
                var value = e.value - 48
                var count = 1
                while count < 3, j < end, src[j].value >= 48, src[j].value <= 55 {
                    value = value * 8 + src[j].value - 48
                    j += 1
                    count += 1
                }
                out.append(isBytes ? value & 0xFF : value)
            case "x":
                out.append(try hexDigits(2, escapeStart, "xXX"))
            case "u" where !isBytes:
                out.append(try hexDigits(4, escapeStart, "uXXXX"))
            case "U" where !isBytes:
                let value = try hexDigits(8, escapeStart, "UXXXXXXXX")
                guard value <= 0x10FFFF else {
                    let from = escapeStart - start
                    throw fail("(unicode error) 'unicodeescape' codec can't decode bytes in position \(from)-\(from + 9): illegal Unicode character")
                }
                out.append(value)
            case "N" where !isBytes:
                throw fail("sftnb does not support \\N{...} escapes; write the character itself or \\uXXXX",
                           .notImplemented)
            default:
                out.append(92)
                out.append(e.value)
            }
        }
        return out
    }
}

@inline(__always) func hexValue(_ c: Unicode.Scalar) -> UInt32? {
    switch c.value {
    case 48...57: return c.value - 48
    case 97...102: return c.value - 87
    case 65...70: return c.value - 55
    default: return nil
    }
}
