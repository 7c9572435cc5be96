/// Statements: compound statements with their blocks, simple statements separated by
/// `;`, and the post-parse checks CPython's compiler makes on them.
extension PythonParser {
    /// From `start` to the end of the last token consumed (layout tokens excluded, so that a
    /// compound statement ends with its last statement's text).
    func spanFrom(_ start: SourceSpan) -> SourceSpan {
        guard !tokens.isEmpty else { return start }
        var k = min(pos, tokens.count) - 1
        while k > 0, tokens[k].kind == .newline || tokens[k].kind == .indent || tokens[k].kind == .dedent { k -= 1 }
        let last = tokens[max(0, k)].span
        return SourceSpan(line: start.line, column: start.column, endLine: last.endLine, endColumn: last.endColumn)
    }

    mutating func parseStatement() throws -> [Stmt] {
        let t = try peek()
        switch t.kind {
        case .keyword:
            switch t.text {
            case "def": return [try parseFunctionDef(decorators: [], start: t.span)]
            case "class": return [try parseClassDef(decorators: [], start: t.span)]
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor()]
            case "try": return [try parseTry()]
            case "with": return [try parseWith()]
            case "async":
                let next = try peek(1)
                guard next.isKeyword("def") || next.isKeyword("for") || next.isKeyword("with") else {
                    pos += 1
                    throw try invalidSyntax()
                }
                throw notImplemented("'async' functions, loops and 'with' statements", t.span)
            default: break
            }
        case .op where t.text == "@":
            return [try parseDecorated()]
        case .name where t.text == "match":
            if try looksLikeSoftKeywordStatement() { throw notImplemented("'match' statements", t.span) }
        case .name where t.text == "type":
            let next = try peek(1), after = try peek(2)
            if next.kind == .name && (after.isOp("=") || after.isOp("[")) {
                throw notImplemented("'type' alias statements", t.span)
            }
        case .indent:
            throw error("unexpected indent", t.span, kind: .indentationError)
        default: break
        }
        return try parseSimpleStatements()
    }

    /// `match subject:` opens a match statement when the line ends with `:` and the word is
    /// followed by something that can start an expression (`match = 3` is an assignment).
    private mutating func looksLikeSoftKeywordStatement() throws -> Bool {
        let next = try peek(1)
        guard next.startsExpression else { return false }
        if next.kind == .op && !["(", "[", "{", "-", "+", "~", "*", "..."].contains(next.text) { return false }
        var k = 1
        var last = next
        while true {
            let t = try peek(k)
            if t.kind == .newline || t.kind == .endOfFile { break }
            last = t
            k += 1
        }
        return last.isOp(":")
    }

    // MARK: Blocks

    /// A block after `header:`: an indented suite, or simple statements on the same line.
    mutating func parseBlock(after header: String, line: Int) throws -> [Stmt] {
        let t = try peek()
        guard t.kind == .newline else {
            return try parseSimpleStatements()
        }
        pos += 1
        let indent = try peek()
        guard indent.kind == .indent else {
            throw error("expected an indented block after \(header) on line \(line)", indent.span,
                        kind: .indentationError)
        }
        pos += 1
        var body: [Stmt] = []
        while true {
            let next = try peek()
            if next.kind == .dedent { pos += 1; break }
            if next.kind == .endOfFile { break }
            body.append(contentsOf: try parseStatement())
        }
        return body
    }

    mutating func parseSimpleStatements() throws -> [Stmt] {
        var statements = [try parseSmallStatement()]
        while try eatOp(";") {
            let t = try peek()
            if t.kind == .newline || t.kind == .endOfFile { break }
            statements.append(try parseSmallStatement())
        }
        let t = try peek()
        if t.kind == .newline {
            pos += 1
        } else if t.kind != .endOfFile {
            if case .expression(let e) = statements[statements.count - 1].kind { try checkLegacyPrint(e, next: t) }
            throw try invalidSyntax()
        }
        return statements
    }

    /// `print "x"`: CPython's "Missing parentheses" hint.
    private mutating func checkLegacyPrint(_ e: Expr, next: Token) throws {
        guard case .name(let name) = e.kind, name == "print" || name == "exec", next.startsExpression else {
            return
        }
        let start = pos
        if let argument = try attempt({ try $0.parseStarExpressions() }) {
            pos = start
            throw error("Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?", e.span.through(argument.span))
        }
    }

    // MARK: Compound statements

    private mutating func parseDecorated() throws -> Stmt {
        let start = try peek().span
        var decorators: [Expr] = []
        while try eatOp("@") {
            decorators.append(try parseNamedExpression())
            guard try peek().kind == .newline else { throw try invalidSyntax() }
            pos += 1
        }
        let t = try peek()
        if t.isKeyword("def") { return try parseFunctionDef(decorators: decorators, start: start) }
        if t.isKeyword("class") { return try parseClassDef(decorators: decorators, start: start) }
        if t.isKeyword("async") { throw notImplemented("'async' functions", t.span) }
        throw try invalidSyntax()
    }

    mutating func parseFunctionDef(decorators: [Expr], start: SourceSpan) throws -> Stmt {
        let defToken = try advance()
        let name = try expectName()
        if try atOp("[") { throw try notImplementedAtCurrent("type parameter lists") }
        if try !eatOp("(") { throw try errorAtCurrent("expected '('") }
        scopes.append(Scope(kind: .function))
        let parameters = try parseParameters(closing: ")", allowAnnotations: true)
        bindParameters(parameters)
        try expectOp(")")
        if try eatOp("->") { _ = try parseExpression() }
        try expectColon(forced: true)
        let body = try parseBlock(after: "function definition", line: defToken.span.line)
        let scope = popScope()
        bind(name.text)
        let def = FunctionDef(name: name.text, parameters: parameters, body: body, decorators: decorators,
                              docstring: docstring(of: body), isGenerator: !scope.yields.isEmpty)
        return Stmt(.functionDef(def), spanFrom(start))
    }

    private mutating func parseClassDef(decorators: [Expr], start: SourceSpan) throws -> Stmt {
        let classToken = try advance()
        let name = try expectName()
        if try atOp("[") { throw try notImplementedAtCurrent("type parameter lists") }
        var bases: [Expr] = []
        var keywords: [(String, Expr)] = []
        if try eatOp("(") {
            for argument in try parseCallArguments(allowGenerator: false) {
                switch argument {
                case .positional(let e): bases.append(e)
                case .star(let e): bases.append(Expr(.starred(e), e.span))
                case .keyword(let k, let e, _): keywords.append((k, e))
                case .doubleStar(let e): throw notImplemented("'**' arguments in a class definition", e.span)
                }
            }
        }
        try expectColon()
        scopes.append(Scope(kind: .class))
        let body = try parseBlock(after: "class definition", line: classToken.span.line)
        _ = popScope()
        bind(name.text)
        let def = ClassDef(name: name.text, bases: bases, keywords: keywords, body: body, decorators: decorators,
                           docstring: docstring(of: body))
        return Stmt(.classDef(def), spanFrom(start))
    }

    private func docstring(of body: [Stmt]) -> String? {
        guard let first = body.first, case .expression(let e) = first.kind,
              case .constant(.string(let s)) = e.kind else { return nil }
        return s
    }

    private mutating func parseIf() throws -> Stmt {
        let ifToken = try advance()
        let test = try parseNamedExpression()
        try checkStrayAssignment(after: test)
        try expectColon()
        let body = try parseBlock(after: "'\(ifToken.text)' statement", line: ifToken.span.line)
        var orElse: [Stmt] = []
        let next = try peek()
        if next.isKeyword("elif") {
            orElse = [try parseIf()]
        } else if next.isKeyword("else") {
            orElse = try parseElse()
        }
        return Stmt(.if(test: test, body: body, orElse: orElse), spanFrom(ifToken.span))
    }

    private mutating func parseElse() throws -> [Stmt] {
        let elseToken = try advance()
        try expectColon(forced: true)
        return try parseBlock(after: "'else' statement", line: elseToken.span.line)
    }

    private mutating func parseLoopBody(after header: String, line: Int) throws -> [Stmt] {
        scopes[scopes.count - 1].loopDepth += 1
        defer { scopes[scopes.count - 1].loopDepth -= 1 }
        return try parseBlock(after: header, line: line)
    }

    private mutating func parseWhile() throws -> Stmt {
        let whileToken = try advance()
        let test = try parseNamedExpression()
        try checkStrayAssignment(after: test)
        try expectColon()
        let body = try parseLoopBody(after: "'while' statement", line: whileToken.span.line)
        let orElse = try atKeyword("else") ? try parseElse() : []
        return Stmt(.while(test: test, body: body, orElse: orElse), spanFrom(whileToken.span))
    }

    private mutating func parseFor() throws -> Stmt {
        let forToken = try advance()
        let target = try parseForTarget()
        bindTarget(target)
        guard try eatKeyword("in") else { throw try invalidSyntax() }
        let iterable = try parseStarExpressions()
        try expectColon()
        let body = try parseLoopBody(after: "'for' statement", line: forToken.span.line)
        let orElse = try atKeyword("else") ? try parseElse() : []
        return Stmt(.for(target: target, iterable: iterable, body: body, orElse: orElse), spanFrom(forToken.span))
    }

    private mutating func parseTry() throws -> Stmt {
        let tryToken = try advance()
        try expectColon(forced: true)
        let body = try parseBlock(after: "'try' statement", line: tryToken.span.line)
        var handlers: [ExceptHandler] = []
        while try atKeyword("except") {
            let exceptToken = try advance()
            if try atOp("*") { throw try notImplementedAtCurrent("'except*' (exception groups)") }
            var type: Expr?
            var name: String?
            if try !atOp(":") {
                let e = try parseExpression()
                if try atOp(",") {
                    throw error("multiple exception types must be parenthesized", e.span)
                }
                type = e
                if try eatKeyword("as") {
                    let n = try expectName().text
                    bind(n)
                    name = n
                }
            }
            try expectColon()
            let handlerBody = try parseBlock(after: "'except' statement", line: exceptToken.span.line)
            if let previousHandler = handlers.last, previousHandler.type == nil {
                recordCompilerError(error("default 'except:' must be last", previousHandler.span))
            }
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, span: spanFrom(exceptToken.span)))
        }
        var orElse: [Stmt] = []
        if !handlers.isEmpty, try atKeyword("else") { orElse = try parseElse() }
        var finally: [Stmt] = []
        if try atKeyword("finally") {
            let finallyToken = try advance()
            try expectColon(forced: true)
            finally = try parseBlock(after: "'finally' statement", line: finallyToken.span.line)
        } else if handlers.isEmpty {
            throw try errorAtCurrent("expected 'except' or 'finally' block")
        }
        return Stmt(.try(body: body, handlers: handlers, orElse: orElse, finally: finally), spanFrom(tryToken.span))
    }

    private mutating func parseWith() throws -> Stmt {
        let withToken = try advance()
        var items: [WithItem]
        if try atOp("("), let parenthesized = try attempt({ try $0.parseParenthesizedWithItems() }) {
            items = parenthesized
        } else {
            items = [try parseWithItem()]
            while try eatOp(",") { items.append(try parseWithItem()) }
        }
        try expectColon()
        let body = try parseBlock(after: "'with' statement", line: withToken.span.line)
        return Stmt(.with(items, body: body), spanFrom(withToken.span))
    }

    /// `with (a as b, c as d):` — tried first; `with (a, b):` falls back to a tuple context.
    private mutating func parseParenthesizedWithItems() throws -> [WithItem] {
        try expectOp("(")
        var items = [try parseWithItem()]
        while try eatOp(",") {
            if try atOp(")") { break }
            items.append(try parseWithItem())
        }
        try expectOp(")")
        guard try atOp(":") else { throw try invalidSyntax() }
        return items
    }

    private mutating func parseWithItem() throws -> WithItem {
        let context = try parseExpression()
        guard try eatKeyword("as") else { return WithItem(context: context, target: nil) }
        let target = try parseSingleTarget()
        bindTarget(target)
        return WithItem(context: context, target: target)
    }

    // MARK: Simple statements

    private mutating func parseSmallStatement() throws -> Stmt {
        let t = try peek()
        if t.kind == .keyword {
            switch t.text {
            case "pass": pos += 1; return Stmt(.pass, t.span)
            case "break":
                pos += 1
                if scopes[scopes.count - 1].loopDepth == 0 { recordCompilerError(error("'break' outside loop", t.span)) }
                return Stmt(.break, t.span)
            case "continue":
                pos += 1
                if scopes[scopes.count - 1].loopDepth == 0 {
                    recordCompilerError(error("'continue' not properly in loop", t.span))
                }
                return Stmt(.continue, t.span)
            case "return": return try parseReturn()
            case "raise": return try parseRaise()
            case "global", "nonlocal": return try parseGlobal()
            case "del": return try parseDelete()
            case "assert": return try parseAssert()
            case "import": return try parseImport()
            case "from": return try parseFromImport()
            default: break
            }
        }
        return try parseExpressionStatement()
    }

    private mutating func parseReturn() throws -> Stmt {
        let t = try advance()
        var value: Expr?
        if (try peek()).startsExpression {
            let e = try parseStarExpressions()
            checkNotBareStarred(e)
            value = e
        }
        let stmt = Stmt(.return(value), spanFrom(t.span))
        if !scopes[scopes.count - 1].isFunction { recordCompilerError(error("'return' outside function", stmt.span)) }
        return stmt
    }

    private mutating func parseRaise() throws -> Stmt {
        let t = try advance()
        var exception: Expr?
        var cause: Expr?
        if (try peek()).startsExpression {
            exception = try parseExpression()
            if try eatKeyword("from") { cause = try parseExpression() }
        }
        return Stmt(.raise(exception, cause: cause), spanFrom(t.span))
    }

    private mutating func parseGlobal() throws -> Stmt {
        let t = try advance()
        var names = [try expectName().text]
        while try eatOp(",") { names.append(try expectName().text) }
        let stmt = Stmt(t.text == "global" ? .global(names) : .nonlocal(names), spanFrom(t.span))
        let scope = scopes[scopes.count - 1]
        if t.text == "nonlocal" && scope.kind == .module {
            recordSymbolTableError(error("nonlocal declaration not allowed at module level", stmt.span))
            return stmt
        }
        for name in names {
            if scope.parameters.contains(name) {
                recordSymbolTableError(error("name '\(name)' is parameter and \(t.text)", stmt.span))
            } else if scope.bound.contains(name) {
                recordSymbolTableError(error("name '\(name)' is assigned to before \(t.text) declaration", stmt.span))
            }
            if t.text == "nonlocal" { scopes[scopes.count - 1].ownNonlocals.append((name, stmt.span)) }
        }
        return stmt
    }

    private mutating func parseDelete() throws -> Stmt {
        let t = try advance()
        let start = pos
        do {
            return try parseDeleteTargets(t)
        } catch let e as SyntaxError where lexerError == nil {
            // CPython then reads any expressions, to name what cannot be deleted.
            pos = start
            if let e = try attempt({ try $0.parseStarExpressions() }),
               let bad = invalidTarget(e, context: .delete) {
                throw error("cannot delete \(expressionName(bad))", bad.span)
            }
            throw e
        }
    }

    private mutating func parseDeleteTargets(_ t: Token) throws -> Stmt {
        var targets: [Expr] = []
        repeat {
            if try peek().kind == .newline || (try atOp(";")) || (try peek().kind == .endOfFile) { break }
            let e = try parseBitwiseOrOrStarred()
            if let bad = invalidTarget(e, context: .delete) {
                throw error("cannot delete \(expressionName(bad))", bad.span)
            }
            bindTarget(e)
            targets.append(e)
        } while try eatOp(",")
        let next = try peek()
        guard !targets.isEmpty, next.kind == .newline || next.kind == .endOfFile || next.isOp(";") else {
            throw try invalidSyntax()
        }
        return Stmt(.delete(targets), spanFrom(t.span))
    }

    private mutating func parseAssert() throws -> Stmt {
        let t = try advance()
        let test = try parseExpression()
        let message = try eatOp(",") ? try parseExpression() : nil
        return Stmt(.assert(test, message: message), spanFrom(t.span))
    }

    private mutating func parseDottedName() throws -> String {
        var name = try expectName().text
        while try eatOp(".") { name += "." + (try expectName().text) }
        return name
    }

    private mutating func parseImport() throws -> Stmt {
        let t = try advance()
        var names: [ImportName] = []
        repeat {
            let start = try peek().span
            let name = try parseDottedName()
            let asName = try eatKeyword("as") ? try expectName().text : nil
            bind(asName ?? String(name.prefix { $0 != "." }))
            names.append(ImportName(name: name, asName: asName, span: spanFrom(start)))
        } while try eatOp(",")
        return Stmt(.import(names), spanFrom(t.span))
    }

    private mutating func parseFromImport() throws -> Stmt {
        let t = try advance()
        var level = 0
        while true {
            if try eatOp(".") { level += 1 } else if try eatOp("...") { level += 3 } else { break }
        }
        var module: String?
        let atImport = try atKeyword("import")
        if level == 0 || !atImport { module = try parseDottedName() }
        guard try eatKeyword("import") else { throw try invalidSyntax() }
        var names: [ImportName] = []
        if try atOp("*") {
            let star = try advance()
            names = [ImportName(name: "*", asName: nil, span: star.span)]
            if scopes[scopes.count - 1].kind != .module {
                recordSymbolTableError(error("import * only allowed at module level", star.span))
            }
        } else {
            let parenthesized = try eatOp("(")
            repeat {
                if parenthesized, try atOp(")") { break }
                let start = try peek().span
                let name = try expectName().text
                let asName = try eatKeyword("as") ? try expectName().text : nil
                bind(asName ?? name)
                names.append(ImportName(name: name, asName: asName, span: spanFrom(start)))
            } while try eatOp(",")
            if parenthesized { try expectOp(")") }
            if names.isEmpty { throw try invalidSyntax() }
        }
        if module == "__future__", names.contains(where: { $0.name == "braces" }) {
            throw error("not a chance", t.span)
        }
        return Stmt(.importFrom(module: module, names: names, level: level), spanFrom(t.span))
    }
}
