/// Expression grammar, lowest precedence first, as in jinja2's parser:
/// conditional (`a if c else b`) < `or` < `and` < `not` < comparisons and
/// `in` < `+ -` < `~` < `* / // %` < `**` < unary `- +` < postfix (`.x`,
/// `[i]`, calls) < filters and tests (`|f`, `is t`), applied to the unary operand.
extension Parser {
    mutating func parseExpression(withCondexpr: Bool = true) throws -> Expr {
        try enter()
        defer { leave() }
        return withCondexpr ? try parseCondexpr() : try parseOr()
    }

    /// A comma-separated list becomes a tuple; a single expression stays itself.
    mutating func parseTuple(simplified: Bool = false, withCondexpr: Bool = true,
                             explicitParentheses: Bool = false) throws -> Expr {
        let span = current.span
        var items: [Expr] = []
        var isTuple = false
        while true {
            if !items.isEmpty { try expectOp(",") }
            if isTupleEnd { break }
            if simplified {
                items.append(try parsePrimary())
            } else {
                items.append(try parseExpression(withCondexpr: withCondexpr))
            }
            if isOp(",") { isTuple = true } else { break }
        }
        if !isTuple {
            if let first = items.first { return first }
            if !explicitParentheses { throw fail("Expected an expression, got '\(current.kind.describe)'") }
        }
        return .tuple(items, span)
    }

    /// jinja2 also passes "extra end rules" (`in` after a for target) here, but its
    /// `test_any(rules)` call never matches them, so only closing tokens end a tuple;
    /// `{% for in xs %}` therefore reads `in` as the loop variable, as jinja2 does.
    private var isTupleEnd: Bool {
        switch current.kind {
        case .variableEnd, .blockEnd, .op(")"): return true
        default: return false
        }
    }

    private mutating func parseCondexpr() throws -> Expr {
        var expr = try parseOr()
        while isName("if") {
            let span = try next().span
            let cond = try parseOr()
            let otherwise = try skipName("else") ? try parseCondexpr() : nil
            expr = .conditional(cond: cond, then: expr, otherwise: otherwise, span)
        }
        return expr
    }

    private mutating func parseOr() throws -> Expr {
        var left = try parseAnd()
        while isName("or") {
            let span = try next().span
            left = .binary("or", left, try parseAnd(), span)
        }
        return left
    }

    private mutating func parseAnd() throws -> Expr {
        var left = try parseNot()
        while isName("and") {
            let span = try next().span
            left = .binary("and", left, try parseNot(), span)
        }
        return left
    }

    private mutating func parseNot() throws -> Expr {
        if isName("not") {
            let span = try next().span
            try enter()
            defer { leave() }
            return .unary("not", try parseNot(), span)
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws -> Expr {
        let span = current.span
        let first = try parseMath1()
        var ops: [(op: String, rhs: Expr)] = []
        while true {
            if case let .op(o) = current.kind, ["==", "!=", "<", "<=", ">", ">="].contains(o) {
                _ = try next()
                ops.append((o, try parseMath1()))
            } else if try skipName("in") {
                ops.append(("in", try parseMath1()))
            } else if isName("not"), isName("in", peek) {
                _ = try next(); _ = try next()
                ops.append(("not in", try parseMath1()))
            } else {
                break
            }
        }
        return ops.isEmpty ? first : .compare(first, ops, span)
    }

    private mutating func parseBinaryLevel(_ ops: [String], _ operand: (inout Parser) throws -> Expr) throws -> Expr {
        var left = try operand(&self)
        while case let .op(o) = current.kind, ops.contains(o) {
            let span = try next().span
            left = .binary(o, left, try operand(&self), span)
        }
        return left
    }

    private mutating func parseMath1() throws -> Expr {
        try parseBinaryLevel(["+", "-"]) { try $0.parseConcat() }
    }

    private mutating func parseConcat() throws -> Expr {
        try parseBinaryLevel(["~"]) { try $0.parseMath2() }
    }

    private mutating func parseMath2() throws -> Expr {
        try parseBinaryLevel(["*", "/", "//", "%"]) { try $0.parsePow() }
    }

    private mutating func parsePow() throws -> Expr {
        try parseBinaryLevel(["**"]) { try $0.parseUnary() }
    }

    private mutating func parseUnary(withFilter: Bool = true) throws -> Expr {
        var node: Expr
        if isOp("-") || isOp("+") {
            let token = try next()
            try enter()
            defer { leave() }
            let operand = try parseUnary(withFilter: false)
            node = .unary(isOp("-", token) ? "-" : "+", operand, token.span)
        } else {
            node = try parsePrimary()
        }
        node = try parsePostfix(node)
        if withFilter { node = try parseFilterExpr(node) }
        return node
    }

    mutating func parsePrimary() throws -> Expr {
        let token = current
        switch token.kind {
        case let .name(n):
            _ = try next()
            switch n {
            case "true", "True": return .literal(.bool(true), token.span)
            case "false", "False": return .literal(.bool(false), token.span)
            case "none", "None": return .literal(.none, token.span)
            default: return .name(n, token.span)
            }
        case let .string(s):
            _ = try next()
            var text = s
            while case let .string(more) = current.kind {
                text += more
                _ = try next()
            }
            return .literal(.string(text), token.span)
        case let .integer(v):
            _ = try next()
            return .literal(.int(v), token.span)
        case let .float(v):
            _ = try next()
            return .literal(.float(v), token.span)
        case .op("("):
            _ = try next()
            let expr = try parseTuple(explicitParentheses: true)
            try expectOp(")")
            return expr
        case .op("["):
            _ = try next()
            var items: [Expr] = []
            while !isOp("]") {
                if !items.isEmpty { try expectOp(",") }
                if isOp("]") { break }
                items.append(try parseExpression())
            }
            try expectOp("]")
            return .list(items, token.span)
        case .op("{"):
            _ = try next()
            var items: [(key: Expr, value: Expr)] = []
            while !isOp("}") {
                if !items.isEmpty { try expectOp(",") }
                if isOp("}") { break }
                let key = try parseExpression()
                try expectOp(":")
                items.append((key, try parseExpression()))
            }
            try expectOp("}")
            return .dict(items, token.span)
        default:
            throw fail("unexpected '\(token.kind.describe)'")
        }
    }

    private mutating func parsePostfix(_ start: Expr) throws -> Expr {
        var node = start
        while true {
            if isOp(".") || isOp("[") {
                node = try parseSubscript(node)
            } else if isOp("(") {
                let span = current.span
                node = .call(node, try parseCallArguments(), span)
            } else {
                return node
            }
        }
    }

    private mutating func parseFilterExpr(_ start: Expr) throws -> Expr {
        var node = start
        while true {
            if isOp("|") {
                for f in try parseFilterChain(startInline: false) {
                    node = .filter(node, f.name, f.arguments, f.span)
                }
            } else if isName("is") {
                node = try parseTest(node)
            } else if isOp("(") {
                let span = current.span
                node = .call(node, try parseCallArguments(), span)
            } else {
                return node
            }
        }
    }

    private mutating func parseTest(_ node: Expr) throws -> Expr {
        let span = try next().span
        let negated = try skipName("not")
        var name = try expectName()
        while try skipOp(".") { name += "." + (try expectName()) }
        var args: [Argument] = []
        if isOp("(") {
            args = try parseCallArguments()
        } else if startsPrimary(current), !isName("else"), !isName("or"), !isName("and") {
            if isName("is") { throw fail("You cannot chain multiple tests with is") }
            let arg = try parsePostfix(try parsePrimary())
            args = [Argument(kind: .positional, value: arg)]
        }
        return .test(node, name, args, negated: negated, span)
    }

    private func startsPrimary(_ t: Token) -> Bool {
        switch t.kind {
        case .name, .string, .integer, .float, .op("("), .op("["), .op("{"): return true
        default: return false
        }
    }

    private mutating func parseSubscript(_ node: Expr) throws -> Expr {
        let token = try next()
        if isOp(".", token) {
            let attr = try next()
            switch attr.kind {
            case let .name(n): return .attribute(node, n, token.span)
            case let .integer(i): return .item(node, .literal(.int(i), attr.span), token.span)
            default: throw fail("expected name or number", attr.span)
            }
        }
        var args: [Expr] = []
        while !isOp("]") {
            if !args.isEmpty { try expectOp(",") }
            args.append(try parseSubscribed())
        }
        try expectOp("]")
        let arg = args.count == 1 ? args[0] : .tuple(args, token.span)
        return .item(node, arg, token.span)
    }

    private mutating func parseSubscribed() throws -> Expr {
        let span = current.span
        var start: Expr?
        if !(try skipOp(":")) {
            let node = try parseExpression()
            if !(try skipOp(":")) { return node }
            start = node
        }
        var stop: Expr?
        if !isOp(":"), !isOp("]"), !isOp(",") { stop = try parseExpression() }
        var step: Expr?
        if try skipOp(":"), !isOp("]"), !isOp(",") { step = try parseExpression() }
        return .slice(start, stop, step, span)
    }

    /// `(a, b, key=c, *args, **kwargs)`, with jinja2's ordering rules.
    mutating func parseCallArguments() throws -> [Argument] {
        try expectOp("(")
        var args: [Argument] = []
        var requireComma = false
        var sawKeyword = false, sawStar = false, sawStarStar = false
        while !isOp(")") {
            if requireComma {
                try expectOp(",")
                if isOp(")") { break }
            }
            if try skipOp("*") {
                guard !sawStar, !sawStarStar else { throw fail("invalid syntax for function call expression") }
                sawStar = true
                args.append(Argument(kind: .star, value: try parseExpression()))
            } else if try skipOp("**") {
                guard !sawStarStar else { throw fail("invalid syntax for function call expression") }
                sawStarStar = true
                args.append(Argument(kind: .starStar, value: try parseExpression()))
            } else if case let .name(key) = current.kind, isOp("=", peek) {
                guard !sawStarStar else { throw fail("invalid syntax for function call expression") }
                _ = try next(); _ = try next()
                sawKeyword = true
                args.append(Argument(kind: .keyword(key), value: try parseExpression()))
            } else {
                guard !sawStar, !sawStarStar, !sawKeyword else { throw fail("invalid syntax for function call expression") }
                args.append(Argument(kind: .positional, value: try parseExpression()))
            }
            requireComma = true
        }
        try expectOp(")")
        return args
    }
}
