/// String literal concatenation and f-strings, with CPython 3.11's rules: an f-string is
/// one token; its body is split here into literal parts (`{{`/`}}` unescaped, escapes
/// decoded) and replacement fields `{expr!conv:spec}`, whose expression is lexed and
/// parsed from the original source (so its nodes carry true spans). Fields may nest one
/// level inside a format spec (`{x:{width}}`); `{x=}` keeps its text for printing.
extension PythonParser {
    /// Adjacent literals: `'a' "b"` → one string; with any f-string → `.formattedString`.
    mutating func parseStrings() throws -> Expr {
        let first = try peek()
        var literals: [(StringLiteral, SourceSpan)] = []
        while true {
            let t = try peek()
            guard t.kind == .string, let literal = t.string else { break }
            literals.append((literal, t.span))
            pos += 1
        }
        let span = first.span.through(previous.span)
        let isBytes = literals[0].0.isBytes
        if literals.contains(where: { $0.0.isBytes != isBytes }) {
            throw try errorAtCurrent("cannot mix bytes and nonbytes literals")
        }
        if isBytes {
            return Expr(.constant(.bytes(literals.flatMap { $0.0.bytes })), span)
        }
        if !literals.contains(where: { $0.0.isFormatted }) {
            if literals.count == 1 { return Expr(.constant(.string(literals[0].0.value)), span) }
            return Expr(.constant(.string(literals.map { $0.0.value }.joined())), span)
        }
        var parts: [FStringPart] = []
        for (literal, tokenSpan) in literals {
            if literal.isFormatted {
                var scanner = FStringScanner(literal: literal, src: lexer.src)
                append(try parseFStringBody(&scanner, tokenSpan: tokenSpan, nesting: 0), to: &parts)
            } else {
                append([.literal(literal.value)], to: &parts)
            }
        }
        return Expr(.formattedString(parts), span)
    }

    /// Appends, merging adjacent literal parts and dropping empty ones.
    private func append(_ new: [FStringPart], to parts: inout [FStringPart]) {
        for part in new {
            if case .literal(let text) = part {
                if text.isEmpty { continue }
                if case .literal(let previous)? = parts.last {
                    parts[parts.count - 1] = .literal(previous + text)
                    continue
                }
            }
            parts.append(part)
        }
    }

    private func fstringError(_ message: String, _ tokenSpan: SourceSpan) -> SyntaxError {
        error("f-string: \(message)", tokenSpan)
    }

    /// Literal text and fields up to the end of the body, or (inside a format spec,
    /// `nesting > 0`) up to the `}` that closes the field.
    private mutating func parseFStringBody(_ s: inout FStringScanner, tokenSpan: SourceSpan,
                                           nesting: Int) throws -> [FStringPart] {
        var parts: [FStringPart] = []
        var runStart = s.i
        var text = ""
        let file = self.file
        func flush(upTo end: Int) throws {
            if end > runStart {
                text += try Lexer.decodeString(s.src, runStart, end, isRaw: s.literal.isRaw,
                                               errorSpan: tokenSpan, file: file)
            }
        }
        while s.i < s.end {
            let c = s.src[s.i]
            if c == "\\" && !s.literal.isRaw && s.i + 1 < s.end {
                s.advance()
                s.advance()
                continue
            }
            if c == "{" {
                try flush(upTo: s.i)
                if nesting == 0, s.i + 1 < s.end, s.src[s.i + 1] == "{" {
                    text += "{"
                    s.advance(); s.advance()
                    runStart = s.i
                    continue
                }
                if !text.isEmpty { parts.append(.literal(text)); text = "" }
                if nesting >= 2 { throw fstringError("expressions nested too deeply", tokenSpan) }
                parts.append(try parseField(&s, tokenSpan: tokenSpan, nesting: nesting))
                runStart = s.i
                continue
            }
            if c == "}" {
                if nesting > 0 {
                    try flush(upTo: s.i)
                    if !text.isEmpty { parts.append(.literal(text)) }
                    return parts
                }
                try flush(upTo: s.i)
                guard s.i + 1 < s.end, s.src[s.i + 1] == "}" else {
                    throw fstringError("single '}' is not allowed", tokenSpan)
                }
                text += "}"
                s.advance(); s.advance()
                runStart = s.i
                continue
            }
            s.advance()
        }
        if nesting > 0 { throw fstringError("expecting '}'", tokenSpan) }
        try flush(upTo: s.i)
        if !text.isEmpty { parts.append(.literal(text)) }
        return parts
    }

    /// One `{...}` field; `s.i` is at the `{`.
    private mutating func parseField(_ s: inout FStringScanner, tokenSpan: SourceSpan,
                                     nesting: Int) throws -> FStringPart {
        s.advance()
        let exprStart = s.i, exprLine = s.line, exprColumn = s.column
        try scanFieldExpression(&s, tokenSpan: tokenSpan)
        let exprEnd = s.i
        if s.src[exprStart..<exprEnd].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            throw fstringError("empty expression not allowed", tokenSpan)
        }
        let expr = try parseFieldExpression(start: exprStart, end: exprEnd, line: exprLine, column: exprColumn,
                                            tokenSpan: tokenSpan)
        var debugText: String?
        if s.i < s.end, s.src[s.i] == "=" {
            s.advance()
            while s.i < s.end, s.src[s.i] == " " || s.src[s.i] == "\t" || s.src[s.i] == "\n" { s.advance() }
            debugText = makeString(s.src[exprStart..<s.i])
        }
        var conversion: Character?
        if s.i < s.end, s.src[s.i] == "!" {
            s.advance()
            guard s.i < s.end, ["s", "r", "a"].contains(s.src[s.i]) else {
                if s.i >= s.end { throw fstringError("expecting '}'", tokenSpan) }
                throw fstringError("invalid conversion character: expected 's', 'r', or 'a'", tokenSpan)
            }
            conversion = Character(s.src[s.i])
            s.advance()
        }
        var spec: [FStringPart]?
        if s.i < s.end, s.src[s.i] == ":" {
            s.advance()
            spec = try parseFStringBody(&s, tokenSpan: tokenSpan, nesting: nesting + 1)
        }
        guard s.i < s.end, s.src[s.i] == "}" else { throw fstringError("expecting '}'", tokenSpan) }
        s.advance()
        if debugText != nil && conversion == nil && spec == nil { conversion = "r" }
        return .replacement(expr, conversion: conversion, spec: spec, debugText: debugText)
    }

    /// Advances to the end of a field's expression: the first `!`, `:`, `=` or `}` outside
    /// brackets and strings (`!=`, `==`, `<=`, `>=` are operators, not ends).
    private func scanFieldExpression(_ s: inout FStringScanner, tokenSpan: SourceSpan) throws {
        var stack: [Unicode.Scalar] = []
        var quote: Unicode.Scalar?
        var quoteLength = 1
        while true {
            guard s.i < s.end else {
                if quote != nil { throw fstringError("unterminated string", tokenSpan) }
                throw fstringError("expecting '}'", tokenSpan)
            }
            let c = s.src[s.i]
            if c == "\\" { throw error("f-string expression part cannot include a backslash", tokenSpan) }
            if let q = quote {
                if c == q {
                    if quoteLength == 1 { quote = nil }
                    else if s.i + 2 < s.end, s.src[s.i + 1] == q, s.src[s.i + 2] == q {
                        s.advance(); s.advance()
                        quote = nil
                    }
                }
                s.advance()
                continue
            }
            let next: Unicode.Scalar? = s.i + 1 < s.end ? s.src[s.i + 1] : nil
            switch c {
            case "'", "\"":
                quote = c
                quoteLength = 1
                if s.i + 2 < s.end, s.src[s.i + 1] == c, s.src[s.i + 2] == c {
                    quoteLength = 3
                    s.advance(); s.advance()
                }
            case "(", "[", "{":
                if stack.count >= Lexer.maxBracketDepth { throw fstringError("too many nested parenthesis", tokenSpan) }
                stack.append(c)
            case ")", "]", "}":
                guard let open = stack.last else {
                    if c == "}" { return }
                    throw fstringError("unmatched '\(c)'", tokenSpan)
                }
                let expected: Unicode.Scalar = open == "(" ? ")" : open == "[" ? "]" : "}"
                if c != expected {
                    throw fstringError("closing parenthesis '\(c)' does not match opening parenthesis '\(open)'", tokenSpan)
                }
                stack.removeLast()
            case "#":
                throw error("f-string expression part cannot include '#'", tokenSpan)
            case "!", "=", "<", ">":
                if next == "=" { s.advance(); break }
                if stack.isEmpty && (c == "!" || c == "=") { return }
            case ":":
                if stack.isEmpty { return }
            default:
                break
            }
            s.advance()
        }
    }

    /// Parses `src[start..<end]` as CPython parses a field: as if in parentheses.
    private mutating func parseFieldExpression(start: Int, end: Int, line: Int, column: Int,
                                               tokenSpan: SourceSpan) throws -> Expr {
        let saved = (lexer, tokens, pos, lexerError)
        lexer = Lexer(file: file, scalars: saved.0.src, start: start, end: end, line: line, column: column)
        tokens = []
        pos = 0
        lexerError = nil
        defer { (lexer, tokens, pos, lexerError) = saved }
        do {
            let first = try atKeyword("yield") ? try parseYield() : try parseStarNamedExpression()
            var e = first
            if try atOp(",") {
                var elements = [first]
                while try eatOp(",") {
                    if try peek().kind == .endOfFile { break }
                    elements.append(try parseStarNamedExpression())
                }
                e = Expr(.tuple(elements), spanFrom(first.span))
            }
            guard try peek().kind == .endOfFile else {
                try checkMissingComma(after: e)
                throw try invalidSyntax()
            }
            return e
        } catch var e as SyntaxError {
            // Parser errors in a field are prefixed, as CPython does; tokenizer errors are not.
            if e.kind == .syntaxError && lexerError == nil && !e.message.hasPrefix("f-string") {
                e.message = "f-string: " + e.message
            }
            throw e
        }
    }
}

/// A cursor over an f-string body that keeps line and column (bodies of triple-quoted
/// f-strings span lines).
struct FStringScanner {
    let literal: StringLiteral
    var i: Int
    let end: Int
    var line: Int
    var lineStart: Int
    var column: Int { i - lineStart + 1 }
    let src: [Unicode.Scalar]

    init(literal: StringLiteral, src: [Unicode.Scalar]) {
        self.literal = literal
        self.i = literal.bodyStart
        self.end = literal.bodyEnd
        self.line = literal.bodyLine
        self.lineStart = literal.bodyStart - (literal.bodyColumn - 1)
        self.src = src
    }

    mutating func advance() {
        if src[i] == "\n" {
            i += 1
            line += 1
            lineStart = i
        } else {
            i += 1
        }
    }
}
