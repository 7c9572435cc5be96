/// Turns source text into tokens on demand, the way CPython 3.11's tokenizer does:
/// INDENT/DEDENT from an indentation stack (tabs to multiples of 8, checked against a
/// tab-size-1 column for TabError), NEWLINE only outside brackets and after a non-blank
/// line, blank and comment lines skipped, `\` joining lines. Lazy, so that a syntax error
/// early in a file is reported before a lexical error later in it (as CPython does).
/// Works on an array of Unicode scalars: a column is an index difference.
struct Lexer {
    let file: SourceFile
    let src: [Unicode.Scalar]
    var i: Int
    let end: Int
    var line: Int
    var lineStart: Int
    private var indents: [Int] = [0]
    private var altIndents: [Int] = [0]
    private var pending: [Token] = []
    private var pendingIndex = 0
    private var atLineStart = true
    /// Open brackets, innermost last, with where each was opened.
    private(set) var brackets: [(Unicode.Scalar, SourceSpan)] = []
    /// The current logical line has produced a token (so EOF must add a NEWLINE).
    private var lineHasTokens = false
    /// An f-string replacement field: lexed as if inside parentheses, ends at `end` without NEWLINE.
    let isExpressionOnly: Bool
    /// The lexer produced the tokens that follow the end of input (DEDENTs, ENDMARKER):
    /// a parse that fails now might succeed with more lines (the REPL's `...`).
    private(set) var reachedEnd = false
    private var finished = false

    /// CPython's MAXLEVEL: deeper bracket nesting is "too many nested parentheses".
    static let maxBracketDepth = 200
    static let maxIndentDepth = 100

    init(file: SourceFile, scalars: [Unicode.Scalar]) {
        self.file = file
        self.src = scalars
        self.i = 0
        self.end = scalars.count
        self.line = 1
        self.lineStart = 0
        self.isExpressionOnly = false
        if end > 0, src[0] == "\u{FEFF}" { i = 1; lineStart = 1 }
    }

    /// A lexer for `src[start..<end]`, an f-string field's expression starting at `line`/`column`.
    init(file: SourceFile, scalars: [Unicode.Scalar], start: Int, end: Int, line: Int, column: Int) {
        self.file = file
        self.src = scalars
        self.i = start
        self.end = end
        self.line = line
        self.lineStart = start - (column - 1)
        self.isExpressionOnly = true
        self.atLineStart = false
    }

    // MARK: Positions and errors

    @inline(__always) var column: Int { i - lineStart + 1 }

    func span(from start: Int, line startLine: Int, lineStart startLineStart: Int) -> SourceSpan {
        SourceSpan(line: startLine, column: start - startLineStart + 1, endLine: line, endColumn: i - lineStart + 1)
    }

    func point(_ line: Int, _ column: Int) -> SourceSpan {
        SourceSpan(line: line, column: column, endLine: line, endColumn: column + 1)
    }

    func error(_ message: String, _ span: SourceSpan, kind: SyntaxError.Kind = .syntaxError,
               incomplete: Bool = false) -> SyntaxError {
        SyntaxError(kind, message, at: span, in: file, incomplete: incomplete)
    }

    @inline(__always) func peekScalar(_ offset: Int = 0) -> Unicode.Scalar? {
        let j = i + offset
        return j < end ? src[j] : nil
    }

    /// Where CPython places tokens made at end of input: just past the last line's text.
    var endOfInputSpan: SourceSpan {
        var lastLine = file.lines.count
        if file.text.hasSuffix("\n") && lastLine > 1 { lastLine -= 1 }
        let col = file.line(lastLine).unicodeScalars.count + 1
        return point(lastLine, col)
    }

    /// Consumes a line break at `i` (`\n`, `\r\n` or `\r`) and starts the next line.
    @inline(__always) mutating func consumeLineBreak() {
        if src[i] == "\r", i + 1 < end, src[i + 1] == "\n" { i += 1 }
        i += 1
        line += 1
        lineStart = i
    }

    // MARK: Tokens

    mutating func next() throws -> Token {
        if pendingIndex < pending.count {
            let t = pending[pendingIndex]
            pendingIndex += 1
            if t.kind == .dedent || t.kind == .endOfFile, finished { reachedEnd = true }
            if pendingIndex == pending.count { pending.removeAll(keepingCapacity: true); pendingIndex = 0 }
            return t
        }
        if finished { return Token(.endOfFile, "", endOfInputSpan) }
        if atLineStart && brackets.isEmpty {
            try readIndentation()
            if pendingIndex < pending.count { return try next() }
        }
        while i < end {
            let c = src[i]
            switch c {
            case " ", "\t", "\u{0C}":
                i += 1
            case "#":
                while i < end && src[i] != "\n" && src[i] != "\r" { i += 1 }
            case "\\":
                try lineContinuation()
            case "\n", "\r":
                if !brackets.isEmpty || isExpressionOnly || !lineHasTokens {
                    consumeLineBreak()
                    continue
                }
                let t = Token(.newline, "", point(line, column))
                consumeLineBreak()
                atLineStart = true
                lineHasTokens = false
                return t
            default:
                lineHasTokens = true
                return try token(startingWith: c)
            }
        }
        return try endOfInput()
    }

    private mutating func lineContinuation() throws {
        let at = column
        i += 1
        guard i < end else {
            if let (open, openSpan) = brackets.last, !isExpressionOnly {
                throw error("'\(open)' was never closed", openSpan, incomplete: true)
            }
            throw error("unexpected EOF while parsing", point(line, at + 1), incomplete: true)
        }
        guard src[i] == "\n" || src[i] == "\r" else {
            throw error("unexpected character after line continuation character", point(line, column))
        }
        consumeLineBreak()
        if i >= end && !isExpressionOnly {
            throw error("unexpected EOF while parsing", point(line - 1, at + 1))
        }
    }

    private mutating func endOfInput() throws -> Token {
        if let (open, openSpan) = brackets.last, !isExpressionOnly {
            throw error("'\(open)' was never closed", openSpan, incomplete: true)
        }
        finished = true
        let at = endOfInputSpan
        if isExpressionOnly { return Token(.endOfFile, "", point(line, column)) }
        var tokens: [Token] = []
        if lineHasTokens { tokens.append(Token(.newline, "", point(line, column))) }
        lineHasTokens = false
        while indents.count > 1 {
            indents.removeLast()
            altIndents.removeLast()
            tokens.append(Token(.dedent, "", at))
        }
        tokens.append(Token(.endOfFile, "", at))
        if tokens[0].kind != .newline { reachedEnd = true }
        pending = tokens
        pendingIndex = 1
        if tokens.count == 1 { pending.removeAll(); pendingIndex = 0 }
        return tokens[0]
    }

    /// At the start of a logical line: skip blank and comment-only lines, then compare the
    /// indentation with the stack and queue INDENT/DEDENT tokens.
    private mutating func readIndentation() throws {
        while true {
            var col = 0, alt = 0
            var j = i
            while j < end {
                let c = src[j]
                if c == " " { col += 1; alt += 1 }
                else if c == "\t" { col = (col / 8 + 1) * 8; alt += 1 }
                else if c == "\u{0C}" { col = 0; alt = 0 }
                else { break }
                j += 1
            }
            if j >= end { i = j; atLineStart = false; return }
            let c = src[j]
            if c == "#" || c == "\n" || c == "\r" {
                i = j
                while i < end && src[i] != "\n" && src[i] != "\r" { i += 1 }
                if i < end { consumeLineBreak() }
                continue
            }
            i = j
            atLineStart = false
            let top = indents[indents.count - 1], altTop = altIndents[altIndents.count - 1]
            if col == top {
                if alt != altTop { throw tabError() }
            } else if col > top {
                if alt <= altTop { throw tabError() }
                if indents.count >= Lexer.maxIndentDepth {
                    throw error("too many levels of indentation", point(line, 1), kind: .indentationError)
                }
                indents.append(col)
                altIndents.append(alt)
                pending.append(Token(.indent, "", point(line, max(1, column - 1))))
            } else {
                while indents.count > 1 && col < indents[indents.count - 1] {
                    indents.removeLast()
                    altIndents.removeLast()
                    pending.append(Token(.dedent, "", point(line, column)))
                }
                if col != indents[indents.count - 1] {
                    let length = file.line(line).unicodeScalars.count
                    throw error("unindent does not match any outer indentation level", point(line, length + 1),
                                kind: .indentationError)
                }
                if alt != altIndents[altIndents.count - 1] { throw tabError() }
            }
            return
        }
    }

    private func tabError() -> SyntaxError {
        error("inconsistent use of tabs and spaces in indentation", point(line, 1), kind: .tabError)
    }

    private mutating func token(startingWith c: Unicode.Scalar) throws -> Token {
        let start = i, startLine = line, startLineStart = lineStart
        if Lexer.isIdentifierStart(c) {
            i += 1
            while i < end && Lexer.isIdentifierContinue(src[i]) { i += 1 }
            if i < end, src[i] == "'" || src[i] == "\"", let prefix = StringPrefix(src[start..<i]) {
                return try string(prefix: prefix, start: start)
            }
            let text = makeString(src[start..<i])
            let kind: Token.Kind = Token.keywords.contains(text) ? .keyword : .name
            return Token(kind, text, span(from: start, line: startLine, lineStart: startLineStart))
        }
        if c.value >= 48 && c.value <= 57 || (c == "." && i + 1 < end && Lexer.isDigit(src[i + 1])) {
            return try number()
        }
        if c == "'" || c == "\"" {
            return try string(prefix: StringPrefix(), start: start)
        }
        return try operatorToken()
    }

    // MARK: Operators and brackets

    private static let threeCharOperators: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    private static let twoCharOperators: Set<String> = [
        "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
        "^=", "@=", ":=",
    ]
    private static let oneCharOperators: Set<Unicode.Scalar> = [
        "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "@", "=", "+", "-", "*", "/", "%", "&", "|", "^",
        "~", "<", ">", "!", "$", "?", "`",
    ]

    private mutating func operatorToken() throws -> Token {
        let start = i, c = src[i]
        func make(_ n: Int) -> Token {
            let text = makeString(src[start..<(start + n)])
            i = start + n
            return Token(.op, text, SourceSpan(line: line, column: start - lineStart + 1, endLine: line,
                                              endColumn: start - lineStart + 1 + n))
        }
        if i + 2 < end, Lexer.threeCharOperators.contains(makeString(src[i..<(i + 3)])) {
            return make(3)
        }
        if i + 1 < end, Lexer.twoCharOperators.contains(makeString(src[i..<(i + 2)])) {
            return make(2)
        }
        guard Lexer.oneCharOperators.contains(c) else {
            let code = String(c.value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
            if c.properties.isWhitespace || c.properties.generalCategory == .control
                || c.properties.generalCategory == .format {
                throw error("invalid non-printable character U+\(padded)", point(line, column))
            }
            throw error("invalid character '\(c)' (U+\(padded))", point(line, column))
        }
        let t = make(1)
        switch c {
        case "(", "[", "{":
            if brackets.count >= Lexer.maxBracketDepth {
                throw error("too many nested parentheses", t.span)
            }
            brackets.append((c, t.span))
        case ")", "]", "}":
            guard let (open, openSpan) = brackets.last else {
                if isExpressionOnly { return t }
                throw error("unmatched '\(c)'", t.span)
            }
            let expected: Unicode.Scalar = open == "(" ? ")" : open == "[" ? "]" : "}"
            if c != expected {
                let where_ = openSpan.line == t.span.line ? "" : " on line \(openSpan.line)"
                throw error("closing parenthesis '\(c)' does not match opening parenthesis '\(open)'\(where_)", t.span)
            }
            brackets.removeLast()
        default:
            break
        }
        return t
    }

    // MARK: Character classes

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    @inline(__always) static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 { return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || v == 95 }
        return c.properties.isXIDStart
    }

    @inline(__always) static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 { return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || v == 95 || (v >= 48 && v <= 57) }
        return c.properties.isXIDContinue
    }
}
