/// Expressions, by CPython 3.11's precedence (loosest first): lambda and `x if c else y`,
/// `or`, `and`, `not`, comparisons (chained), `| ^ & << >> + - * / // % @` (by
/// precedence climbing), unary `+ - ~`, `**` (right-associative, binding tighter than a
/// unary operator on its left: `-2**2 == -4`), then calls, attributes and subscripts.
extension PythonParser {
    // MARK: Lists of expressions

    mutating func parseStarExpressionsOrYield() throws -> Expr {
        if try atKeyword("yield") { return try parseYield() }
        return try parseStarExpressions()
    }

    /// `a, *b, c` — a tuple when there is a comma (a trailing one included).
    mutating func parseStarExpressions() throws -> Expr {
        let first = try parseStarExpression()
        guard try atOp(",") else { return first }
        var elements = [first]
        while try eatOp(",") {
            guard (try peek()).startsExpression, !(try atKeyword("yield")) else { break }
            elements.append(try parseStarExpression())
        }
        return Expr(.tuple(elements), spanFrom(first.span))
    }

    mutating func parseStarExpression() throws -> Expr {
        let t = try peek()
        if t.isOp("*") {
            pos += 1
            let inner = try parseBitwiseOr()
            return Expr(.starred(inner), spanFrom(t.span))
        }
        return try parseExpression()
    }

    mutating func parseStarNamedExpression() throws -> Expr {
        let t = try peek()
        if t.isOp("*") {
            pos += 1
            let inner = try parseBitwiseOr()
            return Expr(.starred(inner), spanFrom(t.span))
        }
        return try parseNamedExpression()
    }

    /// `name := value` or an expression.
    mutating func parseNamedExpression() throws -> Expr {
        let t = try peek()
        if t.kind == .name, try peek(1).isOp(":=") {
            pos += 2
            let value = try parseExpression()
            bind(t.text)
            return Expr(.namedExpression(target: t.text, value: value), spanFrom(t.span))
        }
        let e = try parseExpression()
        if try atOp(":=") {
            throw error("cannot use assignment expressions with \(expressionName(e))", e.span)
        }
        return e
    }

    // MARK: Precedence levels

    mutating func parseExpression() throws -> Expr {
        try enter()
        defer { leave() }
        if try atKeyword("lambda") { return try parseLambda() }
        let body = try parseDisjunction()
        guard try atKeyword("if") else { return body }
        pos += 1
        let test = try parseDisjunction()
        guard try eatKeyword("else") else {
            if try atOp(":") { throw try invalidSyntax() }
            throw error("expected 'else' after 'if' expression", body.span.through(test.span))
        }
        let orElse = try parseExpression()
        return Expr(.conditional(test: test, body: body, orElse: orElse), body.span.through(orElse.span))
    }

    mutating func parseDisjunction() throws -> Expr {
        let first = try parseConjunction()
        guard try atKeyword("or") else { return first }
        var operands = [first]
        while try eatKeyword("or") { operands.append(try parseConjunction()) }
        return Expr(.boolean(.or, operands), spanFrom(first.span))
    }

    private mutating func parseConjunction() throws -> Expr {
        let first = try parseInversion()
        guard try atKeyword("and") else { return first }
        var operands = [first]
        while try eatKeyword("and") { operands.append(try parseInversion()) }
        return Expr(.boolean(.and, operands), spanFrom(first.span))
    }

    private mutating func parseInversion() throws -> Expr {
        var nots: [SourceSpan] = []
        while try atKeyword("not") { nots.append(try advance().span) }
        var e = try parseComparison()
        for span in nots.reversed() {
            e = Expr(.unary(.not, e), span.through(e.span))
            try checkTreeDepth(e)
        }
        return e
    }

    private mutating func parseComparison() throws -> Expr {
        let first = try parseBitwiseOr()
        var chain: [(CompareOperator, Expr)] = []
        while let op = try comparisonOperator() {
            chain.append((op, try parseBitwiseOr()))
        }
        if chain.isEmpty { return first }
        return Expr(.compare(first, chain), spanFrom(first.span))
    }

    /// Consumes a comparison operator if one is next (`not in` and `is not` are two tokens).
    private mutating func comparisonOperator() throws -> CompareOperator? {
        let t = try peek()
        switch t.kind {
        case .op:
            guard let op = CompareOperator(rawValue: t.text), t.text != "in" else { return nil }
            pos += 1
            return op
        case .keyword:
            if t.text == "in" { pos += 1; return .in }
            if t.text == "is" {
                pos += 1
                return try eatKeyword("not") ? .isNot : .is
            }
            if t.text == "not" {
                // After an operand, `not` can only begin `not in`.
                pos += 1
                if try eatKeyword("in") { return .notIn }
                throw try invalidSyntax()
            }
            return nil
        default:
            return nil
        }
    }

    mutating func parseBitwiseOr() throws -> Expr { try parseBinary(minPrecedence: 1) }

    private static func binaryOperator(_ text: String) -> (BinaryOperator, Int)? {
        switch text {
        case "|": return (.bitOr, 1)
        case "^": return (.bitXor, 2)
        case "&": return (.bitAnd, 3)
        case "<<": return (.leftShift, 4)
        case ">>": return (.rightShift, 4)
        case "+": return (.add, 5)
        case "-": return (.subtract, 5)
        case "*": return (.multiply, 6)
        case "/": return (.divide, 6)
        case "//": return (.floorDivide, 6)
        case "%": return (.modulo, 6)
        case "@": return (.matrixMultiply, 6)
        default: return nil
        }
    }

    /// Left-associative binary operators by precedence climbing.
    /// A node's span starts at its first token, so a parenthesized left operand's `(` is in it
    /// (as CPython's positions, which traceback carets follow).
    private mutating func parseBinary(minPrecedence: Int) throws -> Expr {
        let start = try peek().span
        var left = try parseFactor()
        while true {
            let t = try peek()
            guard t.kind == .op, let (op, precedence) = PythonParser.binaryOperator(t.text),
                  precedence >= minPrecedence else { break }
            pos += 1
            let right = try parseBinary(minPrecedence: precedence + 1)
            left = Expr(.binary(op, left, right), spanFrom(start))
            try checkTreeDepth(left)
        }
        return left
    }

    /// Unary `+ - ~` (a loop, not recursion, so long chains cannot exhaust the stack).
    private mutating func parseFactor() throws -> Expr {
        var ops: [(UnaryOperator, SourceSpan)] = []
        while true {
            let t = try peek()
            guard t.kind == .op else { break }
            switch t.text {
            case "-": ops.append((.negate, t.span))
            case "+": ops.append((.plus, t.span))
            case "~": ops.append((.invert, t.span))
            default: break
            }
            if ops.count > 0 && ops[ops.count - 1].1 == t.span { pos += 1 } else { break }
        }
        var e = try parsePower()
        for (op, span) in ops.reversed() {
            e = Expr(.unary(op, e), spanFrom(span))
            try checkTreeDepth(e)
        }
        return e
    }

    private mutating func parsePower() throws -> Expr {
        if try atKeyword("await") { throw try notImplementedAtCurrent("'await'") }
        let start = try peek().span
        let base = try parsePrimary()
        guard try eatOp("**") else { return base }
        try enter()
        defer { leave() }
        let exponent = try parseFactor()
        return Expr(.binary(.power, base, exponent), spanFrom(start))
    }

    // MARK: Primaries

    private mutating func parsePrimary() throws -> Expr {
        let start = try peek().span
        var e = try parseAtom()
        while true {
            let t = try peek()
            guard t.kind == .op else { break }
            switch t.text {
            case ".":
                pos += 1
                let name = try expectName()
                e = Expr(.attribute(e, name.text), spanFrom(start))
            case "(":
                pos += 1
                let arguments = try parseCallArguments(allowGenerator: true)
                e = Expr(.call(e, arguments), spanFrom(start))
            case "[":
                pos += 1
                let index = try parseSlices()
                try expectClosing("]", after: index)
                e = Expr(.subscript(e, index: index), spanFrom(start))
            default:
                return e
            }
            try checkTreeDepth(e)
        }
        return e
    }

    /// The closing bracket of a display or call; if an expression follows instead, CPython's
    /// "invalid syntax. Perhaps you forgot a comma?".
    mutating func expectClosing(_ closing: String, after element: Expr?) throws {
        if try eatOp(closing) { return }
        if let element { try checkMissingComma(after: element) }
        throw try invalidSyntax()
    }

    /// Inside brackets, `a b` where both are expressions: CPython suggests a comma.
    mutating func checkMissingComma(after a: Expr) throws {
        let next = try peek()
        guard next.startsExpression, !next.isOp("*"), !next.isKeyword("yield"), !lexer.brackets.isEmpty
                || lexer.isExpressionOnly else { return }
        switch a.kind {
        case .lambda, .conditional, .starred, .namedExpression, .yield, .yieldFrom: return
        default: break
        }
        let first = tokens.lastIndex { $0.span.line == a.span.line && $0.span.column == a.span.column }
        if let first, tokens[first].kind == .name, next.kind == .string, first + 1 == pos { return }
        if let first, tokens[first].kind == .name, ["match", "case", "_", "type"].contains(tokens[first].text),
           first + 1 == pos { return }
        // CPython's rule parses `b` without its own error rules, and a PEG parser settles for
        // the longest prefix that is an expression (at least an atom).
        guard !probingForComma else { return }
        probingForComma = true
        defer { probingForComma = false }
        let save = pos
        var b = try attempt { try $0.parseExpression() }
        if b == nil { b = try attempt { try $0.parseAtom() } }
        if let b {
            pos = save
            throw error("invalid syntax. Perhaps you forgot a comma?", a.span.through(b.span))
        }
    }

    /// `[i]`, `[a:b:c]`, `[1:2, 3]` (a tuple of slices and expressions).
    private mutating func parseSlices() throws -> Expr {
        let first = try parseSlice()
        guard try atOp(",") else { return first }
        var elements = [first]
        while try eatOp(",") {
            if try atOp("]") { break }
            elements.append(try parseSlice())
        }
        return Expr(.tuple(elements), spanFrom(first.span))
    }

    private mutating func parseSlice() throws -> Expr {
        let start = try peek()
        if start.isOp("*") { return try parseStarNamedExpression() }
        var lower: Expr?
        if !start.isOp(":") {
            let e = try parseNamedExpression()
            try checkStrayAssignment(after: e)
            guard try atOp(":") else { return e }
            lower = e
        }
        pos += 1
        var upper: Expr?
        var step: Expr?
        if (try peek()).startsExpression { upper = try parseExpression() }
        if try eatOp(":"), (try peek()).startsExpression { step = try parseExpression() }
        return Expr(.slice(lower: lower, upper: upper, step: step), spanFrom(start.span))
    }

    // MARK: Calls

    /// Arguments up to `)`. CPython's rule `args ',' args` reports a positional argument
    /// after keywords even when what follows it does not parse (`f(a=1, b(=2))`), so a
    /// generic failure after one becomes that message.
    mutating func parseCallArguments(allowGenerator: Bool) throws -> [Argument] {
        var positionalAfterKeyword: String?
        do {
            return try parseCallArgumentList(allowGenerator: allowGenerator, positionalAfterKeyword: &positionalAfterKeyword)
        } catch let e as SyntaxError where lexerError == nil && e.message == "invalid syntax" {
            guard let message = positionalAfterKeyword else { throw e }
            // `f(a=1, b"x")`: CPython's lookahead reads on to the closing parenthesis.
            if pos > 0, pos < tokens.count, tokens[pos].kind == .string, tokens[pos - 1].kind == .name,
               let closing = try closingParenthesis() {
                throw error(message, closing)
            }
            throw error(message, e.span)
        }
    }

    /// The span of the `)` closing the bracket the parser is in, looking ahead on the same
    /// logical line (nil if there is none).
    private mutating func closingParenthesis() throws -> SourceSpan? {
        var depth = 0
        for k in 0..<10_000 {
            let t = try peek(k)
            if t.kind == .newline || t.kind == .endOfFile { return nil }
            if t.isOp("(") || t.isOp("[") || t.isOp("{") { depth += 1 }
            if t.isOp(")") || t.isOp("]") || t.isOp("}") {
                if depth == 0 { return t.isOp(")") ? t.span : nil }
                depth -= 1
            }
        }
        return nil
    }

    private mutating func parseCallArgumentList(allowGenerator: Bool,
                                                positionalAfterKeyword: inout String?) throws -> [Argument] {
        var arguments: [Argument] = []
        var sawKeyword = false
        var sawDoubleStar = false
        var orderError: String?
        var keywordNames = Set<String>()
        while try !atOp(")") {
            let t = try peek()
            if t.isOp("*") {
                pos += 1
                if sawDoubleStar {
                    throw error("iterable argument unpacking follows keyword argument unpacking", t.span)
                }
                let value = try parseExpression()
                if try atKeyword("for") {
                    throw error("iterable unpacking cannot be used in comprehension", t.span.through(value.span))
                }
                arguments.append(.star(value))
                try checkArgumentEnd(after: value)
            } else if t.isOp("**") {
                pos += 1
                sawDoubleStar = true
                let value = try parseExpression()
                arguments.append(.doubleStar(value))
                try checkArgumentEnd(after: value)
            } else if t.kind == .name, try peek(1).isOp("=") {
                let equals = try peek(1)
                pos += 2
                let value = try parseExpression()
                if try atKeyword("for") {
                    throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", t.span.through(equals.span))
                }
                sawKeyword = true
                if keywordNames.contains(t.text) {
                    recordCompilerError(error("keyword argument repeated: \(t.text)", t.span.through(value.span)))
                }
                keywordNames.insert(t.text)
                arguments.append(.keyword(t.text, value, t.span.through(value.span)))
                try checkArgumentEnd(after: value)
            } else {
                if sawKeyword || sawDoubleStar, t.startsExpression {
                    positionalAfterKeyword = sawDoubleStar ? "positional argument follows keyword argument unpacking"
                        : "positional argument follows keyword argument"
                }
                let e = try parseNamedExpression()
                if try atOp("=") {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", e.span)
                }
                if try atKeyword("for") {
                    if !allowGenerator { throw try invalidSyntax() }
                    let generator = try parseComprehensionTail(element: e, start: e.span, kind: .generator)
                    let closes = try atOp(")")
                    let isSole = arguments.isEmpty && closes
                    if !isSole { throw error("Generator expression must be parenthesized", generator.span) }
                    arguments.append(.positional(generator))
                } else {
                    if orderError == nil && (sawKeyword || sawDoubleStar) {
                        orderError = sawDoubleStar ? "positional argument follows keyword argument unpacking"
                            : "positional argument follows keyword argument"
                    }
                    arguments.append(.positional(e))
                    try checkArgumentEnd(after: e)
                }
            }
            if try !eatOp(",") { break }
        }
        let closing = try peek()
        if let orderError, closing.isOp(")") { throw error(orderError, closing.span) }
        try expectOp(")")
        return arguments
    }

    /// After an argument or parameter: a `,` or the closing token, or CPython's comma hint.
    mutating func checkArgumentEnd(after e: Expr, closing: String = ")") throws {
        if try !atOp(","), try !atOp(closing) { try checkMissingComma(after: e) }
    }

    // MARK: Lambda and yield

    private mutating func parseLambda() throws -> Expr {
        let lambdaToken = try advance()
        scopes.append(Scope(kind: .lambda))
        defer { _ = popScope() }
        let parameters = try parseParameters(closing: ":", allowAnnotations: false)
        bindParameters(parameters)
        try expectOp(":")
        let body = try parseExpression()
        return Expr(.lambda(parameters, body: body), lambdaToken.span.through(body.span))
    }

    mutating func parseYield() throws -> Expr {
        let yieldToken = try advance()
        let e: Expr
        if try eatKeyword("from") {
            let value = try parseExpression()
            e = Expr(.yieldFrom(value), spanFrom(yieldToken.span))
        } else if (try peek()).startsExpression, !(try atKeyword("yield")) {
            let value = try parseStarExpressions()
            e = Expr(.yield(value), spanFrom(yieldToken.span))
        } else {
            e = Expr(.yield(nil), yieldToken.span)
        }
        scopes[scopes.count - 1].yields.append(e.span)
        if !scopes[scopes.count - 1].isFunction { recordCompilerError(error("'yield' outside function", e.span)) }
        return e
    }
}
