/// Public entry points of the syntax layer.
///
/// ```swift
/// let program = try Parser.parse(SourceFile(name: "train.py", text: text))  // throws SyntaxError
/// if Parser.needsMoreInput(replBuffer) { /* show "... " and read another line */ }
/// ```
///
/// The parser is a recursive-descent parser over CPython 3.11's grammar, fed lazily by
/// `Lexer`. It reproduces CPython's error messages and locations for the common mistakes
/// (checked against CPython in `Tests/InterpreterTests/scripts/syntax_errors.json`),
/// reports valid Python that sftnb does not run (`match`, `async`, complex numbers) as
/// `.notImplemented`, and performs the checks CPython makes after parsing
/// (`'return' outside function`, `'break' outside loop`, ...), so a `Program` it returns
/// is one CPython would compile.
public enum Parser {
    /// Parses a whole file, cell or REPL entry. Throws `SyntaxError`.
    public static func parse(_ file: SourceFile) throws -> Program {
        var parser = PythonParser(file: file)
        return try parser.parseProgram()
    }

    /// The REPL's rule for showing `...` (CPython's `codeop`): the text is a valid prefix (open
    /// bracket, block header without a body, unterminated triple-quoted string, trailing `\`),
    /// or it ends with a compound statement and its last line is not empty yet. `text` is the
    /// lines entered so far joined with `\n`, so an empty line entered makes it end in `\n`.
    public static func needsMoreInput(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let meaningful = lines.contains { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            return !trimmed.isEmpty && trimmed.first != "#"
        }
        guard meaningful else { return false }
        let program: Program
        do {
            program = try parse(SourceFile(name: "<stdin>", text: text))
        } catch let error as SyntaxError {
            return error.isIncompleteInput
        } catch {
            return false
        }
        guard let last = program.body.last else { return false }
        switch last.kind {
        case .if, .while, .for, .try, .with, .functionDef, .classDef:
            return !(lines.last ?? "").isEmpty
        default:
            return false
        }
    }
}

/// What encloses the code being parsed: decides where `return`, `yield`, `break`,
/// `continue`, `nonlocal` and `import *` are allowed and whether a def is a generator.
struct Scope {
    enum Kind { case module, function, lambda, `class` }
    var kind: Kind
    var loopDepth = 0
    /// `yield` expressions seen directly in this scope (not in nested ones).
    var yields: [SourceSpan] = []
    /// Names bound so far in this scope, and the parameters among them.
    var bound = Set<String>()
    var parameters = Set<String>()
    /// `nonlocal` names declared in nested functions, not yet found bound in an enclosing function.
    var pendingNonlocals: [(String, SourceSpan)] = []
    /// `nonlocal` names declared in this scope (they must be bound in an enclosing one).
    var ownNonlocals: [(String, SourceSpan)] = []
    var isFunction: Bool { kind == .function || kind == .lambda }
}

/// The parser's state: the token buffer (filled lazily from the lexer, kept whole so
/// that a rule can back up), the enclosing scopes, and the first error found by the
/// checks CPython makes after parsing (reported only if the whole parse succeeds).
struct PythonParser {
    let file: SourceFile
    var lexer: Lexer
    var tokens: [Token] = []
    var pos = 0
    var scopes: [Scope] = [Scope(kind: .module)]
    /// CPython's symbol-table errors (`nonlocal` at module level, duplicate parameters, ...).
    var symbolTableError: SyntaxError?
    /// CPython's symbol-table analysis errors (`no binding for nonlocal 'x' found`), reported next.
    var analysisError: SyntaxError?
    /// CPython's compiler errors (`'return' outside function`, ...), reported after symbol-table ones.
    var compilerError: SyntaxError?
    /// Recursion depth of expression parsing, bounded so that no input can overflow the stack.
    var depth = 0
    /// Deeper than CPython's bracket limit (200, reported by the lexer), so that limit speaks first.
    static let maxDepth = 250
    /// Spans of expressions written inside parentheses: CPython's grammar treats `(a + b)` as an
    /// atom, which changes some error messages (`(a + b) = 1`).
    var parenthesizedSpans = Set<SourceSpan>()
    /// Set while looking for the second expression of "Perhaps you forgot a comma?".
    var probingForComma = false
    /// A lexer error is final: every later request for a token repeats it.
    var lexerError: SyntaxError?

    init(file: SourceFile) {
        self.file = file
        self.lexer = Lexer(file: file, scalars: Array(file.text.unicodeScalars))
        tokens.reserveCapacity(1024)
    }

    // MARK: Token stream

    @inline(__always) mutating func peek() throws -> Token {
        if pos < tokens.count { return tokens[pos] }
        return try fill(0)
    }

    mutating func peek(_ k: Int) throws -> Token {
        if pos + k < tokens.count { return tokens[pos + k] }
        return try fill(k)
    }

    private mutating func fill(_ k: Int) throws -> Token {
        if let e = lexerError { throw e }
        while tokens.count <= pos + k {
            if let last = tokens.last, last.kind == .endOfFile { return last }
            do {
                tokens.append(try lexer.next())
            } catch let e as SyntaxError {
                lexerError = e
                throw e
            }
        }
        return tokens[pos + k]
    }

    /// Runs `rule` as a trial (PEG-style ordered choice): on a syntax error the parser is put
    /// back as it was and nil is returned. A lexer error is not a failed trial: it is rethrown
    /// by the next token request.
    mutating func attempt<T>(_ rule: (inout PythonParser) throws -> T) throws -> T? {
        let saved = (pos, scopes, symbolTableError, compilerError, depth)
        let savedAnalysisError = analysisError
        do {
            return try rule(&self)
        } catch {
            if let lexerError { throw lexerError }
            (pos, scopes, symbolTableError, compilerError, depth) = saved
            analysisError = savedAnalysisError
            return nil
        }
    }

    @discardableResult
    mutating func advance() throws -> Token {
        let t = try peek()
        if pos < tokens.count { pos += 1 }
        return t
    }

    /// The last token consumed.
    var previous: Token {
        tokens.isEmpty ? Token(.endOfFile, "", .unknown) : tokens[max(0, min(pos, tokens.count) - 1)]
    }

    mutating func atOp(_ s: String) throws -> Bool { try peek().isOp(s) }
    mutating func atKeyword(_ s: String) throws -> Bool { try peek().isKeyword(s) }

    mutating func eatOp(_ s: String) throws -> Bool {
        if try peek().isOp(s) { pos += 1; return true }
        return false
    }

    mutating func eatKeyword(_ s: String) throws -> Bool {
        if try peek().isKeyword(s) { pos += 1; return true }
        return false
    }

    mutating func expectOp(_ s: String) throws {
        if try !eatOp(s) { throw try invalidSyntax() }
    }

    /// The `:` of a block header. CPython says "expected ':'" after `def ...`, `else`, `try`
    /// and `finally` whatever follows (`forced`), after the other headers only at a line end.
    mutating func expectColon(forced: Bool = false) throws {
        if try eatOp(":") { return }
        if try forced || peek().kind == .newline { throw try errorAtCurrent("expected ':'") }
        throw try invalidSyntax()
    }

    mutating func expectName() throws -> Token {
        let t = try peek()
        guard t.kind == .name else { throw try invalidSyntax() }
        pos += 1
        return t
    }

    // MARK: Errors

    func error(_ message: String, _ span: SourceSpan, kind: SyntaxError.Kind = .syntaxError) -> SyntaxError {
        SyntaxError(kind, message, at: span, in: file)
    }

    /// CPython's generic "invalid syntax", at the token where parsing stopped.
    mutating func invalidSyntax() throws -> SyntaxError {
        let t = try peek()
        if t.kind == .indent { return error("unexpected indent", t.span, kind: .indentationError) }
        if t.kind == .dedent && !lexer.reachedEnd {
            return error("unexpected unindent", t.span, kind: .indentationError)
        }
        return error("invalid syntax", t.span)
    }

    /// An error at the next token. (A separate mutating step: evaluating `peek()` inside the
    /// arguments of a non-mutating call on `self` would copy the whole parser.)
    mutating func errorAtCurrent(_ message: String, kind: SyntaxError.Kind = .syntaxError) throws -> SyntaxError {
        let span = try peek().span
        return error(message, span, kind: kind)
    }

    mutating func notImplementedAtCurrent(_ what: String) throws -> SyntaxError {
        let span = try peek().span
        return notImplemented(what, span)
    }

    func notImplemented(_ what: String, _ span: SourceSpan) -> SyntaxError {
        error("sftnb does not support \(what)", span, kind: .notImplemented)
    }

    mutating func recordSymbolTableError(_ e: SyntaxError) {
        if symbolTableError == nil { symbolTableError = e }
    }

    mutating func recordCompilerError(_ e: SyntaxError) {
        if compilerError == nil { compilerError = e }
    }

    /// Entered by every rule that can recurse without consuming a bracket.
    mutating func enter() throws {
        depth += 1
        if depth > PythonParser.maxDepth {
            throw try errorAtCurrent("too many nested parentheses")
        }
    }

    mutating func leave() { depth -= 1 }

    /// Expression trees deeper than this are refused (chains like `-----x` build them without
    /// recursing in the parser); CPython refuses them too, a little further on.
    static let maxTreeDepth = 1000

    func checkTreeDepth(_ e: Expr) throws {
        if e.depth > PythonParser.maxTreeDepth {
            throw error("maximum recursion depth exceeded during compilation", e.span)
        }
    }

    /// CPython's final touches on a parser error: a tokenizer error later in the file takes
    /// precedence, as does a bracket left open on an earlier line; and a failure at the end
    /// of the input is "incomplete" (the REPL reads more).
    mutating func finish(_ parserError: SyntaxError) -> SyntaxError {
        var e = parserError
        if let lexError = lexerError, lexError.message == e.message, lexError.span == e.span { return e }
        if lexer.reachedEnd && e.kind != .notImplemented { e.isIncompleteInput = true }
        guard e.kind == .syntaxError || e.kind == .indentationError else { return e }
        // CPython reports a stray INDENT/DEDENT as soon as the parser meets it.
        if e.message == "unexpected indent" || e.message == "unexpected unindent" { return e }
        let furthestLine = tokens.last?.span.line ?? e.span.line
        do {
            var t = try lexer.next()
            while t.kind != .endOfFile { t = try lexer.next() }
        } catch let lexError as SyntaxError {
            if lexError.message.hasSuffix("was never closed") {
                return lexError.span.line < furthestLine ? lexError : e
            }
            if PythonParser.overridingLexerErrors.contains(where: { lexError.message.hasPrefix($0) }) {
                return lexError
            }
        } catch {}
        return e
    }

    /// The tokenizer errors CPython raises as exceptions (others, such as a bad `\`
    /// continuation, only end the token stream), which take precedence over a parser error.
    private static let overridingLexerErrors = [
        "unterminated string literal", "unterminated triple-quoted string literal", "invalid decimal literal",
        "invalid hexadecimal literal", "invalid octal literal", "invalid binary literal", "invalid imaginary literal",
        "invalid digit", "leading zeros", "unmatched", "closing parenthesis", "invalid character",
        "invalid non-printable character", "too many nested parentheses",
    ]

    // MARK: Scopes and bindings

    mutating func bind(_ name: String) { scopes[scopes.count - 1].bound.insert(name) }

    /// Binds the names an assignment target assigns.
    mutating func bindTarget(_ e: Expr) {
        switch e.kind {
        case .name(let n): bind(n)
        case .tuple(let es), .list(let es): for x in es { bindTarget(x) }
        case .starred(let x): bindTarget(x)
        default: break
        }
    }

    /// Leaves a function, class or lambda scope: `nonlocal` names it could not resolve go to
    /// the enclosing scope (a function resolves those it binds); at module level they are errors.
    mutating func popScope() -> Scope {
        let scope = scopes.removeLast()
        var unresolved = scope.pendingNonlocals
        if scope.isFunction {
            let forwarded = Set(scope.ownNonlocals.map { $0.0 })
            unresolved.removeAll { scope.bound.contains($0.0) && !forwarded.contains($0.0) }
        }
        scopes[scopes.count - 1].pendingNonlocals += unresolved + scope.ownNonlocals
        return scope
    }

    // MARK: Program

    private static let futureFeatures: Set<String> = [
        "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
        "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
    ]

    /// CPython's compiler: `from __future__ import x` only at the top (after a docstring) and
    /// only for features it knows.
    private mutating func checkFutureImport(_ statement: Stmt, after earlier: [Stmt]) {
        guard case .importFrom(let module, let names, let level) = statement.kind, module == "__future__",
              level == 0 else { return }
        for (index, s) in earlier.enumerated() {
            if case .importFrom(let m, _, 0) = s.kind, m == "__future__" { continue }
            if index == 0, case .expression(let e) = s.kind, case .constant(.string) = e.kind { continue }
            recordCompilerError(error("from __future__ imports must occur at the beginning of the file", statement.span))
            return
        }
        for name in names where !PythonParser.futureFeatures.contains(name.name) {
            recordCompilerError(error("future feature \(name.name) is not defined", statement.span))
        }
    }

    mutating func parseProgram() throws -> Program {
        var body: [Stmt] = []
        do {
            while try peek().kind != .endOfFile {
                if try peek().kind == .newline { pos += 1; continue }
                let statements = try parseStatement()
                for statement in statements { checkFutureImport(statement, after: body) }
                body.append(contentsOf: statements)
            }
        } catch let e as SyntaxError {
            throw finish(e)
        }
        for (name, span) in scopes[0].pendingNonlocals where analysisError == nil {
            analysisError = error("no binding for nonlocal '\(name)' found", span)
        }
        if let e = symbolTableError { throw e }
        if let e = analysisError { throw e }
        if let e = compilerError { throw e }
        return Program(file: file, body: body)
    }
}
