/// Builds the statement tree from tokens, following jinja2's parser
/// (jinja2/parser.py) rule for rule so that precedence and the places where
/// conditional expressions are allowed match, and reproducing its error
/// messages ("Unexpected end of template. Jinja was looking for ...").
/// Expressions are in ParserExpressions.swift.
struct Parser {
    var tokens: [Token]
    var index = 0
    /// Names of the tags that would end the blocks being parsed, innermost last.
    private var endTokenStack: [[String]] = []
    /// Names of the open block tags, innermost last.
    private var tagStack: [String] = []
    /// Current nesting of blocks and expressions; bounded so that a hostile
    /// template gets an error instead of overflowing the stack.
    private var depth = 0
    static let maxDepth = 100
    /// How many for-loop bodies enclose the current point (reset inside macros),
    /// so `{% break %}` outside a loop is a syntax error as in jinja2.
    private var loopDepth = 0

    /// Enters one level of nesting, failing past `maxDepth`; pair with `leave()`.
    mutating func enter() throws {
        depth += 1
        if depth > Parser.maxDepth {
            throw fail("the template is nested too deeply (more than \(Parser.maxDepth) levels)")
        }
    }

    mutating func leave() { depth -= 1 }

    init(tokens: [Token]) { self.tokens = tokens }

    static func parse(_ source: String) throws -> [Stmt] {
        var parser = Parser(tokens: Lexer.tokenize(source))
        if case let .lexError(e) = parser.current.kind { throw e }
        return try parser.subparse(endTags: nil)
    }

    // MARK: token stream

    var current: Token { tokens[index] }
    var peek: Token { tokens[min(index + 1, tokens.count - 1)] }

    /// Consumes the current token; stepping onto a lexing failure raises it.
    mutating func next() throws -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        if case let .lexError(e) = tokens[index].kind { throw e }
        return t
    }

    func isName(_ n: String, _ t: Token? = nil) -> Bool {
        if case let .name(v) = (t ?? current).kind { return v == n }
        return false
    }

    func isOp(_ o: String, _ t: Token? = nil) -> Bool {
        if case let .op(v) = (t ?? current).kind { return v == o }
        return false
    }

    mutating func skipName(_ n: String) throws -> Bool {
        if isName(n) { _ = try next(); return true }
        return false
    }

    mutating func skipOp(_ o: String) throws -> Bool {
        if isOp(o) { _ = try next(); return true }
        return false
    }

    func fail(_ message: String, _ span: TemplateSpan? = nil) -> TemplateError {
        TemplateError.syntax(message, span ?? current.span)
    }

    private func expectFailure(_ what: String) -> TemplateError {
        if case .eof = current.kind { return fail("unexpected end of template, expected '\(what)'.") }
        return fail("expected token '\(what)', got '\(current.kind.describe)'")
    }

    mutating func expectOp(_ o: String) throws {
        guard isOp(o) else { throw expectFailure(o) }
        _ = try next()
    }

    mutating func expectName(_ n: String? = nil) throws -> String {
        if case let .name(v) = current.kind, n == nil || v == n {
            _ = try next()
            return v
        }
        throw expectFailure(n ?? "name")
    }

    mutating func expect(_ kind: TokenKind) throws {
        guard current.kind == kind else { throw expectFailure(kind.describe) }
        _ = try next()
    }

    // MARK: statements

    /// Template data, `{{ }}` and statements up to one of `endTags` (left as the current token).
    mutating func subparse(endTags: [String]?) throws -> [Stmt] {
        try enter()
        defer { leave() }
        if let endTags { endTokenStack.append(endTags) }
        defer { if endTags != nil { endTokenStack.removeLast() } }
        var body: [Stmt] = []
        while true {
            let token = current
            switch token.kind {
            case let .data(text):
                _ = try next()
                body.append(.output(text))
            case .variableBegin:
                _ = try next()
                let expr = try parseTuple(withCondexpr: true)
                try expect(.variableEnd)
                body.append(.print(expr, token.span))
            case .blockBegin:
                _ = try next()
                if let endTags, case let .name(n) = current.kind, endTags.contains(n) { return body }
                body.append(try parseStatement())
                try expect(.blockEnd)
            case .eof:
                if endTags != nil { throw unknownTagFailure(nil, token.span) }
                return body
            default:
                throw fail("unexpected \(token.kind.describe)")
            }
        }
    }

    /// jinja2's `_fail_ut_eof`: the message for an unknown tag or a missing end tag.
    private func unknownTagFailure(_ name: String?, _ span: TemplateSpan) -> TemplateError {
        var message = name.map { "Encountered unknown tag '\($0)'." } ?? "Unexpected end of template."
        if let looking = endTokenStack.last {
            let list = looking.map { "'\($0)'" }.joined(separator: " or ")
            if let name, endTokenStack.joined().contains(name) {
                message += " You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for \(list)."
            } else {
                message += " Jinja was looking for the following tags: \(list)."
            }
        }
        if let innermost = tagStack.last {
            message += " The innermost block that needs to be closed is '\(innermost)'."
        }
        return TemplateError.syntax(message, span)
    }

    /// Statements up to an end tag; the end tag's name is consumed when `dropNeedle`.
    mutating func parseStatements(_ endTags: [String], dropNeedle: Bool = false) throws -> [Stmt] {
        _ = try skipOp(":")
        try expect(.blockEnd)
        let body = try subparse(endTags: endTags)
        if case .eof = current.kind { throw unknownTagFailure(nil, current.span) }
        if dropNeedle { _ = try next() }
        return body
    }

    mutating func parseStatement() throws -> Stmt {
        let token = current
        guard case let .name(tag) = token.kind else { throw fail("tag name expected") }
        let known = ["for", "if", "set", "macro", "call", "filter", "with", "print", "break", "continue", "generation",
                     "block", "extends", "include", "import", "from", "autoescape"]
        // An unknown tag is reported against the enclosing block, so it is not pushed.
        guard known.contains(tag) else { throw unknownTagFailure(tag, token.span) }
        tagStack.append(tag)
        defer { tagStack.removeLast() }
        switch tag {
        case "for": return try parseFor()
        case "if": return try parseIf()
        case "set": return try parseSet()
        case "macro":
            _ = try next()
            return .macro(try parseMacroRest(span: token.span))
        case "call": return try parseCallBlock()
        case "filter":
            _ = try next()
            let filters = try parseFilterChain(startInline: true)
            return .filterBlock(filters, try parseStatements(["endfilter"], dropNeedle: true), token.span)
        case "with": return try parseWith()
        case "print":
            _ = try next()
            return .print(try parseTuple(withCondexpr: true), token.span)
        case "break", "continue":
            _ = try next()
            guard loopDepth > 0 else { throw fail("'\(tag)' outside loop", token.span) }
            return tag == "break" ? .breakLoop(token.span) : .continueLoop(token.span)
        case "block":
            // In a single template a block just renders in place, in its own scope.
            _ = try next()
            let name = try expectName()
            _ = try skipName("scoped")
            _ = try skipName("required")
            let body = try parseStatements(["endblock"], dropNeedle: true)
            if case let .name(closing) = current.kind, closing == name { _ = try next() }
            return .with([], body, token.span)
        case "generation":
            // The body becomes a function (a jinja2 CallBlock), so loop controls cannot cross it.
            _ = try next()
            let savedLoopDepth = loopDepth
            loopDepth = 0
            defer { loopDepth = savedLoopDepth }
            return .generation(try parseStatements(["endgeneration"], dropNeedle: true), token.span)
        default:
            throw TemplateError(.notImplemented, "the '{% \(tag) %}' tag (a chat template cannot load other templates)", span: token.span)
        }
    }

    private mutating func parseFor() throws -> Stmt {
        let span = try next().span
        let target = try parseAssignTarget()
        _ = try expectName("in")
        let iterable = try parseTuple(withCondexpr: false)
        var filter: Expr?
        if try skipName("if") { filter = try parseExpression() }
        let recursive = try skipName("recursive")
        loopDepth += 1
        let body = try parseStatements(["endfor", "else"])
        loopDepth -= 1
        var otherwise: [Stmt] = []
        if case let .name(n) = try next().kind, n == "else" {
            otherwise = try parseStatements(["endfor"], dropNeedle: true)
        }
        return .forLoop(ForLoop(target: target, iterable: iterable, filter: filter, body: body,
                                otherwise: otherwise, recursive: recursive, span: span,
                                readsLoop: ASTWalk.names(in: body).contains("loop")))
    }

    private mutating func parseIf() throws -> Stmt {
        _ = try next()
        var branches: [(cond: Expr, body: [Stmt])] = []
        var otherwise: [Stmt] = []
        while true {
            let cond = try parseTuple(withCondexpr: false)
            let body = try parseStatements(["elif", "else", "endif"])
            branches.append((cond, body))
            let token = try next()
            if isName("elif", token) { continue }
            if isName("else", token) { otherwise = try parseStatements(["endif"], dropNeedle: true) }
            break
        }
        return .ifChain(branches, otherwise: otherwise)
    }

    private mutating func parseSet() throws -> Stmt {
        let span = try next().span
        let target = try parseAssignTarget(withNamespace: true)
        if try skipOp("=") {
            return .set(target, try parseTuple(withCondexpr: true), span)
        }
        let filters = try parseFilterChain(startInline: false)
        return .setBlock(target, filters, try parseStatements(["endset"], dropNeedle: true), span)
    }

    private mutating func parseWith() throws -> Stmt {
        let span = try next().span
        var assignments: [(AssignTarget, Expr)] = []
        while current.kind != .blockEnd {
            if !assignments.isEmpty { try expectOp(",") }
            let target = try parseAssignTarget()
            try expectOp("=")
            assignments.append((target, try parseExpression()))
        }
        return .with(assignments, try parseStatements(["endwith"], dropNeedle: true), span)
    }

    private mutating func parseCallBlock() throws -> Stmt {
        let span = try next().span
        var parameters: [(name: String, defaultValue: Expr?)] = []
        if isOp("(") { parameters = try parseSignature() }
        let call = try parseExpression()
        guard case .call = call else { throw fail("expected call", span) }
        let savedLoopDepth = loopDepth
        loopDepth = 0
        let body = try parseStatements(["endcall"], dropNeedle: true)
        loopDepth = savedLoopDepth
        return .callBlock(call, MacroDefinition(name: "caller", parameters: parameters, body: body, span: span), span)
    }

    private mutating func parseMacroRest(span: TemplateSpan) throws -> MacroDefinition {
        let name = try expectName()
        let parameters = try parseSignature()
        let savedLoopDepth = loopDepth
        loopDepth = 0
        let body = try parseStatements(["endmacro"], dropNeedle: true)
        loopDepth = savedLoopDepth
        return MacroDefinition(name: name, parameters: parameters, body: body, span: span)
    }

    private mutating func parseSignature() throws -> [(name: String, defaultValue: Expr?)] {
        var parameters: [(name: String, defaultValue: Expr?)] = []
        try expectOp("(")
        while !isOp(")") {
            if !parameters.isEmpty { try expectOp(",") }
            let name = try expectName()
            if try skipOp("=") {
                parameters.append((name, try parseExpression()))
            } else if parameters.contains(where: { $0.defaultValue != nil }) {
                throw fail("non-default argument follows default argument")
            } else {
                parameters.append((name, nil))
            }
        }
        try expectOp(")")
        return parameters
    }

    /// `| f(args) | g` (or, for `{% filter %}`, starting without the pipe).
    mutating func parseFilterChain(startInline: Bool) throws -> [FilterCall] {
        var filters: [FilterCall] = []
        var inline = startInline
        while isOp("|") || inline {
            if !inline { _ = try next() }
            inline = false
            let span = current.span
            var name = try expectName()
            while try skipOp(".") { name += "." + (try expectName()) }
            let args = isOp("(") ? try parseCallArguments() : []
            filters.append(FilterCall(name: name, arguments: args, span: span))
        }
        return filters
    }

    mutating func parseAssignTarget(withNamespace: Bool = false) throws -> AssignTarget {
        if withNamespace, case let .name(ns) = current.kind, isOp(".", peek) {
            _ = try next(); _ = try next()
            return .namespaceAttribute(ns, try expectName())
        }
        let expr = try parseTuple(simplified: true)
        return try assignTarget(from: expr)
    }

    private func assignTarget(from expr: Expr) throws -> AssignTarget {
        switch expr {
        case let .name(n, _): return .name(n)
        case let .tuple(items, _): return .tuple(try items.map(assignTarget(from:)))
        case .literal: throw fail("can't assign to 'const'", expr.span)
        case .list: throw fail("can't assign to 'list'", expr.span)
        case .dict: throw fail("can't assign to 'dict'", expr.span)
        default: throw fail("can't assign to this expression", expr.span)
        }
    }
}
