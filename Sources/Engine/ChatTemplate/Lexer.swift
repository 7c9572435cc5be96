import Foundation

/// Splits a template into tokens exactly as jinja2's lexer does with
/// `trim_blocks=True, lstrip_blocks=True` (transformers' settings), because
/// nearly every rendering mismatch between Jinja implementations comes from
/// whitespace control. The rules, from jinja2/lexer.py:
/// - `\r\n` and `\r` become `\n`; one trailing newline of the template is dropped.
/// - `{%-`, `{{-`, `{#-` strip all whitespace before the tag; `-%}`, `-}}`, `-#}`
///   strip all whitespace after it.
/// - trim_blocks: `%}` and `#}` swallow one directly following `\n` (`+%}` does not).
/// - lstrip_blocks: whitespace between the start of a line and a `{%` or `{#` tag
///   is removed (`{%+` keeps it; `{{` is never lstripped). "Start of a line" also
///   holds right after a tag that ended with a newline, which trim_blocks consumed.
/// - `{% raw %}...{% endraw %}` is data; the raw begin tag has no trim_blocks.
struct Lexer {
    private let chars: [Unicode.Scalar]
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    private var tokens: [Token] = []
    private var lineStarting = true

    init(source: String) {
        // Newline normalisation and jinja2's keep_trailing_newline=False.
        var text = source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        chars = Array(text.unicodeScalars)
    }

    /// The tokens of `source`; a lexing failure becomes a final `.lexError` token.
    static func tokenize(_ source: String) -> [Token] {
        var lexer = Lexer(source: source)
        do {
            try lexer.run()
        } catch let e as TemplateError {
            lexer.tokens.append(Token(kind: .lexError(e), span: e.span ?? lexer.span))
        } catch {
            lexer.tokens.append(Token(kind: .lexError(TemplateError.syntax("\(error)", lexer.span)), span: lexer.span))
        }
        return lexer.tokens
    }

    private var span: TemplateSpan { TemplateSpan(line: line, column: pos - lineStart + 1) }

    /// Moves to `newPos`, counting the newlines passed over.
    private mutating func advance(to newPos: Int) {
        while pos < newPos {
            if chars[pos] == "\n" { line += 1; lineStart = pos + 1 }
            pos += 1
        }
    }

    private func matches(_ s: String, at i: Int) -> Bool {
        var j = i
        for c in s.unicodeScalars {
            guard j < chars.count, chars[j] == c else { return false }
            j += 1
        }
        return true
    }

    /// Python regex `\s` and `str.rstrip()` whitespace (`str.isspace`).
    private func isSpace(_ c: Unicode.Scalar) -> Bool { isPythonSpace(c) }

    private func skipSpaces(from i: Int) -> Int {
        var j = i
        while j < chars.count, isSpace(chars[j]) { j += 1 }
        return j
    }

    private enum TagKind { case variable, block, comment }

    private mutating func run() throws {
        while pos < chars.count {
            guard let (start, kind) = nextTagStart(from: pos) else {
                emitData(from: pos, to: chars.count, sign: nil, kind: nil)
                advance(to: chars.count)
                break
            }
            let signIndex = start + 2
            let sign: Unicode.Scalar? = signIndex < chars.count && (chars[signIndex] == "-" || chars[signIndex] == "+") ? chars[signIndex] : nil
            if kind == .block, let rawEnd = rawBeginEnd(at: start) {
                emitData(from: pos, to: start, sign: sign, kind: .block)
                advance(to: rawEnd)
                lineStarting = chars[rawEnd - 1] == "\n"
                try lexRawBody()
                continue
            }
            emitData(from: pos, to: start, sign: sign, kind: kind)
            advance(to: start)
            let afterBegin = start + 2 + (sign == nil ? 0 : 1)
            switch kind {
            case .comment:
                try lexComment(bodyStart: afterBegin)
            case .variable:
                tokens.append(Token(kind: .variableBegin, span: span))
                advance(to: afterBegin)
                try lexTag(variable: true)
            case .block:
                tokens.append(Token(kind: .blockBegin, span: span))
                advance(to: afterBegin)
                try lexTag(variable: false)
            }
        }
        tokens.append(Token(kind: .eof, span: span))
    }

    private func nextTagStart(from i: Int) -> (Int, TagKind)? {
        var j = i
        while j + 1 < chars.count {
            if chars[j] == "{" {
                switch chars[j + 1] {
                case "{": return (j, .variable)
                case "%": return (j, .block)
                case "#": return (j, .comment)
                default: break
                }
            }
            j += 1
        }
        return nil
    }

    /// If a `{% raw %}` tag starts at `i`, the index just past it.
    private func rawBeginEnd(at i: Int) -> Int? {
        var j = i + 2
        if j < chars.count, chars[j] == "-" || chars[j] == "+" { j += 1 }
        j = skipSpaces(from: j)
        guard matches("raw", at: j) else { return nil }
        j = skipSpaces(from: j + 3)
        if matches("-%}", at: j) { return skipSpaces(from: j + 3) }
        if matches("%}", at: j) { return j + 2 }
        return nil
    }

    /// Emits the text between two tags after applying `-` stripping or lstrip_blocks.
    private mutating func emitData(from a: Int, to b: Int, sign: Unicode.Scalar?, kind: TagKind?) {
        var end = b
        if kind != nil, sign == "-" {
            while end > a, isSpace(chars[end - 1]) { end -= 1 }
        } else if let kind, sign != "+", kind != .variable {
            var lineBegin = a
            if let nl = chars[a..<b].lastIndex(of: "\n") { lineBegin = nl + 1 }
            if (lineBegin > a || lineStarting), lineBegin < b, chars[lineBegin..<b].allSatisfy(isSpace) {
                end = lineBegin
            }
        }
        if end > a {
            let text = String(String.UnicodeScalarView(chars[a..<end]))
            tokens.append(Token(kind: .data(text), span: span))
        }
    }

    private mutating func lexComment(bodyStart: Int) throws {
        // jinja2 only fails when text follows an unclosed `{#`; a bare `{#` at the end is dropped.
        if bodyStart >= chars.count { advance(to: chars.count); return }
        var j = bodyStart
        while j < chars.count {
            if (chars[j] == "-" || chars[j] == "+"), matches("#}", at: j + 1) {
                let end = chars[j] == "-" ? skipSpaces(from: j + 3) : j + 3
                finishTag(at: end)
                return
            }
            if matches("#}", at: j) {
                var end = j + 2
                if end < chars.count, chars[end] == "\n" { end += 1 }
                finishTag(at: end)
                return
            }
            j += 1
        }
        throw TemplateError.syntax("Missing end of comment tag", span)
    }

    private mutating func lexRawBody() throws {
        if pos >= chars.count { return }  // like an unclosed comment, nothing left is not an error
        var j = pos
        while j < chars.count {
            if chars[j] == "{", matches("{%", at: j) {
                var k = j + 2
                var sign: Unicode.Scalar?
                if k < chars.count, chars[k] == "-" || chars[k] == "+" { sign = chars[k]; k += 1 }
                k = skipSpaces(from: k)
                if matches("endraw", at: k) {
                    k = skipSpaces(from: k + 6)
                    var end: Int?
                    if matches("+%}", at: k) { end = k + 3 }
                    else if matches("-%}", at: k) { end = skipSpaces(from: k + 3) }
                    else if matches("%}", at: k) { end = k + 2 + (k + 2 < chars.count && chars[k + 2] == "\n" ? 1 : 0) }
                    if let end {
                        emitData(from: pos, to: j, sign: sign, kind: .block)
                        finishTag(at: end)
                        return
                    }
                }
            }
            j += 1
        }
        throw TemplateError.syntax("Missing end of raw directive", span)
    }

    private mutating func finishTag(at end: Int) {
        lineStarting = end > 0 && chars[end - 1] == "\n"
        advance(to: end)
    }

    /// Tokens inside `{{ }}` or `{% %}`. An end marker only counts when all
    /// brackets opened in the tag are closed, as in jinja2 (`{{ {'a': 1} }}`).
    private mutating func lexTag(variable: Bool) throws {
        var brackets: [Unicode.Scalar] = []
        while true {
            if brackets.isEmpty, let end = tagEnd(variable: variable) {
                tokens.append(Token(kind: variable ? .variableEnd : .blockEnd, span: span))
                finishTag(at: end)
                return
            }
            guard pos < chars.count else { return }  // the parser reports the missing end
            let c = chars[pos]
            if isSpace(c) { advance(to: pos + 1); continue }
            let start = span
            if let (kind, end) = try number(at: pos) ?? name(at: pos) ?? string(at: pos) {
                tokens.append(Token(kind: kind, span: start))
                advance(to: end)
                continue
            }
            guard let op = op(at: pos) else {
                throw TemplateError.syntax("unexpected char \(pythonStringRepr(String(c))) at \(pos)", start)
            }
            switch op {
            case "{": brackets.append("}")
            case "(": brackets.append(")")
            case "[": brackets.append("]")
            case "}", ")", "]":
                guard let expected = brackets.popLast() else {
                    throw TemplateError.syntax("unexpected '\(op)'", start)
                }
                if String(expected) != op {
                    throw TemplateError.syntax("unexpected '\(op)', expected '\(expected)'", start)
                }
            default: break
            }
            tokens.append(Token(kind: .op(op), span: start))
            advance(to: pos + op.unicodeScalars.count)
        }
    }

    private func tagEnd(variable: Bool) -> Int? {
        if variable {
            if matches("-}}", at: pos) { return skipSpaces(from: pos + 3) }
            if matches("}}", at: pos) { return pos + 2 }
            return nil
        }
        if matches("+%}", at: pos) { return pos + 3 }
        if matches("-%}", at: pos) { return skipSpaces(from: pos + 3) }
        if matches("%}", at: pos) {
            return pos + 2 + (pos + 2 < chars.count && chars[pos + 2] == "\n" ? 1 : 0)
        }
        return nil
    }

    private static let operators = ["//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~",
                                    "[", "]", "(", ")", "{", "}", "=", ".", ":", "|", ",", ";", "<", ">"]

    private func op(at i: Int) -> String? {
        Lexer.operators.first { matches($0, at: i) }
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    /// Digits with single underscores between them, as in jinja2's number rules.
    private func digits(from i: Int, allowed: (Unicode.Scalar) -> Bool = { $0 >= "0" && $0 <= "9" }) -> Int {
        var j = i
        guard j < chars.count, allowed(chars[j]) else { return i }
        while j < chars.count {
            if allowed(chars[j]) { j += 1 }
            else if chars[j] == "_", j + 1 < chars.count, allowed(chars[j + 1]) { j += 2 }
            else { break }
        }
        return j
    }

    private func number(at i: Int) throws -> (TokenKind, Int)? {
        guard isDigit(chars[i]) else { return nil }
        // jinja2's float rule has `(?<!\.)`: in `x.0.1` the digits are attribute names.
        let canBeFloat = i == 0 || chars[i - 1] != "."
        var j = digits(from: i)
        var isFloat = false
        if canBeFloat, j + 1 < chars.count, chars[j] == ".", isDigit(chars[j + 1]) {
            j = digits(from: j + 1)
            isFloat = true
        }
        if canBeFloat, j < chars.count, chars[j] == "e" || chars[j] == "E" {
            var k = j + 1
            if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
            let e = digits(from: k)
            if e > k { j = e; isFloat = true }
        }
        let text = String(String.UnicodeScalarView(chars[i..<j])).replacingOccurrences(of: "_", with: "")
        if isFloat {
            guard let v = Double(text) else { throw TemplateError.syntax("invalid float literal \(text)", span) }
            return (.float(v), j)
        }
        // Base prefixes 0b, 0o, 0x.
        if chars[i] == "0", i + 1 < chars.count {
            let p = chars[i + 1]
            let radix: Int? = (p == "b" || p == "B") ? 2 : (p == "o" || p == "O") ? 8 : (p == "x" || p == "X") ? 16 : nil
            if let radix {
                let end = digits(from: i + 2) { c in c.properties.isASCIIHexDigit && Int(String(c), radix: radix) != nil }
                if end > i + 2 {
                    let body = String(String.UnicodeScalarView(chars[(i + 2)..<end])).replacingOccurrences(of: "_", with: "")
                    guard let v = Int(body, radix: radix) else { throw TemplateError.syntax("integer literal too large", span) }
                    return (.integer(v), end)
                }
            }
        }
        if !isFloat, chars[i] == "0" {
            // jinja2's decimal zero is `0(_?0)*`: in `007` the `7` is a separate token.
            return (.integer(0), digits(from: i) { $0 == "0" })
        }
        guard let v = Int(text) else { throw TemplateError.syntax("integer literal too large: \(text)", span) }
        return (.integer(v), j)
    }

    private func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic }
    private func isNameChar(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || c.properties.numericType != nil }

    private func name(at i: Int) -> (TokenKind, Int)? {
        guard isNameStart(chars[i]) else { return nil }
        var j = i + 1
        while j < chars.count, isNameChar(chars[j]) { j += 1 }
        return (.name(String(String.UnicodeScalarView(chars[i..<j]))), j)
    }

    /// A quoted string; escapes are decoded like Python's "unicode-escape" codec,
    /// which is what jinja2 applies to string literals.
    private func string(at i: Int) throws -> (TokenKind, Int)? {
        let quote = chars[i]
        guard quote == "'" || quote == "\"" else { return nil }
        var j = i + 1
        var raw: [Unicode.Scalar] = []
        while j < chars.count, chars[j] != quote {
            if chars[j] == "\\", j + 1 < chars.count {
                raw.append(chars[j]); raw.append(chars[j + 1]); j += 2
            } else {
                raw.append(chars[j]); j += 1
            }
        }
        guard j < chars.count else {
            throw TemplateError.syntax("unexpected char \(pythonStringRepr(String(quote))) at \(i)", span)
        }
        do {
            return (.string(try Lexer.unescape(raw)), j + 1)
        } catch let e as TemplateError {
            throw e.located(span)
        }
    }

    static func unescape(_ s: [Unicode.Scalar]) throws -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        func hex(_ count: Int) -> Unicode.Scalar? {
            guard i + count < s.count else { return nil }
            let text = String(String.UnicodeScalarView(s[(i + 1)...(i + count)]))
            guard let v = UInt32(text, radix: 16) else { return nil }
            return Unicode.Scalar(v)
        }
        while i < s.count {
            let c = s[i]
            guard c == "\\", i + 1 < s.count else { out.append(c); i += 1; continue }
            let e = s[i + 1]
            i += 1
            switch e {
            case "n": out.append("\n"); i += 1
            case "t": out.append("\t"); i += 1
            case "r": out.append("\r"); i += 1
            case "\\": out.append("\\"); i += 1
            case "'": out.append("'"); i += 1
            case "\"": out.append("\""); i += 1
            case "a": out.append("\u{07}"); i += 1
            case "b": out.append("\u{08}"); i += 1
            case "f": out.append("\u{0C}"); i += 1
            case "v": out.append("\u{0B}"); i += 1
            case "\n": i += 1  // line continuation
            case "x", "u", "U":
                let n = e == "x" ? 2 : e == "u" ? 4 : 8
                guard let scalar = hex(n) else {
                    throw TemplateError.syntax("truncated \\\(e)\(String(repeating: "X", count: n)) escape", nil)
                }
                out.append(scalar)
                i += n + 1
            case "N":
                // `\N{BULLET}`: a character by its Unicode name.
                guard i + 1 < s.count, s[i + 1] == "{", let close = s[(i + 1)...].firstIndex(of: "}") else {
                    throw TemplateError.syntax("malformed \\N character escape", nil)
                }
                let escape = "\\N" + String(String.UnicodeScalarView(s[(i + 1)...close]))
                guard let decoded = escape.applyingTransform(StringTransform(rawValue: "Name-Any"), reverse: false),
                      decoded != escape, decoded.unicodeScalars.count == 1, let scalar = decoded.unicodeScalars.first else {
                    throw TemplateError.syntax("unknown Unicode character name", nil)
                }
                out.append(scalar)
                i = close + 1
            case "0"..."7":
                var j = i, v: UInt32 = 0
                while j < s.count, j < i + 3, s[j] >= "0", s[j] <= "7" { v = v * 8 + (s[j].value - 48); j += 1 }
                out.append(Unicode.Scalar(v) ?? "?"); i = j
            default:
                out.append("\\"); out.append(e); i += 1
            }
        }
        return String(out)
    }
}
