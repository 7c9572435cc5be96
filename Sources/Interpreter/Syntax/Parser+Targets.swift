/// Expression statements and assignments, and the validation of what is assigned to,
/// deleted or looped over, with CPython 3.11's messages ("cannot assign to function call
/// here. Maybe you meant '==' instead of '='?", "cannot delete literal", ...).
extension PythonParser {
    enum TargetContext { case assign, delete, forLoop }

    mutating func parseExpressionStatement() throws -> Stmt {
        let start = try peek().span
        let first = try parseStarExpressionsOrYield()
        let t = try peek()
        if t.isOp("=") {
            var parts = [first]
            while try atOp("=") {
                try checkAssignTarget(parts[parts.count - 1], isFirst: parts.count == 1)
                pos += 1
                parts.append(try parseStarExpressionsOrYield())
            }
            let value = parts.removeLast()
            checkNotBareStarred(value)
            for target in parts {
                checkStarredTargets(target)
                bindTarget(target)
            }
            return Stmt(.assign(targets: parts, value: value), spanFrom(start))
        }
        if t.isOp(":") {
            pos += 1
            if case .tuple = first.kind, !parenthesizedSpans.contains(first.span), try !peek().startsExpression {
                throw error("invalid syntax", t.span)
            }
            _ = try parseExpression()
            try checkAnnotationTarget(first)
            bindTarget(first)
            var value: Expr?
            if try eatOp("=") { value = try parseStarExpressionsOrYield() }
            return Stmt(.annotatedAssign(target: first, value: value), spanFrom(start))
        }
        if t.kind == .op, t.text.count >= 2, t.text.hasSuffix("="),
           let op = BinaryOperator(rawValue: String(t.text.dropLast())) {
            switch first.kind {
            case .name, .attribute, .subscript: break
            default:
                throw error("'\(expressionName(first))' is an illegal expression for augmented assignment", first.span)
            }
            pos += 1
            bindTarget(first)
            let value = try parseStarExpressionsOrYield()
            return Stmt(.augmentedAssign(target: first, op, value: value), spanFrom(start))
        }
        checkNotBareStarred(first)
        return Stmt(.expression(first), spanFrom(start))
    }

    /// Checks `target` when an `=` follows it (as CPython does, before the value is parsed).
    /// For the first target, CPython suggests `==` when `=` is followed by an operand that
    /// is not itself assigned to (`f() = 1`).
    private mutating func checkAssignTarget(_ target: Expr, isFirst: Bool) throws {
        if case .yield = target.kind, !parenthesizedSpans.contains(target.span) {
            throw error("assignment to yield expression not possible", target.span)
        }
        if case .yieldFrom = target.kind, !parenthesizedSpans.contains(target.span) {
            throw error("assignment to yield expression not possible", target.span)
        }
        guard let bad = invalidTarget(target, context: .assign) else { return }
        if isFirst && isBitwiseOrLevel(target) && !isExcludedFromHint(target) {
            let save = pos
            pos += 1
            let value = try attempt { try $0.parseBitwiseOr() }
            let followedByAssignment = try atOp("=") || (try atOp(":="))
            pos = save
            if value != nil && !followedByAssignment {
                throw error("cannot assign to \(expressionName(target)) here. Maybe you meant '==' instead of '='?",
                            target.span)
            }
        }
        throw error("cannot assign to \(expressionName(bad))", bad.span)
    }

    /// CPython's hint is not given for list, tuple and generator displays nor `True`/`False`/`None`.
    func isExcludedFromHint(_ e: Expr) -> Bool {
        switch e.kind {
        case .list, .tuple, .generator, .constant(.bool), .constant(.none): return true
        default: return false
        }
    }

    /// `if x = 1:` — CPython's hints for `=` where an expression was expected.
    mutating func checkStrayAssignment(after e: Expr) throws {
        guard try atOp("=") else { return }
        let save = pos
        pos += 1
        let value = try attempt { try $0.parseBitwiseOr() }
        let followedByAssign = try atOp("=") || (try atOp(":="))
        pos = save
        guard let value, !followedByAssign else { return }
        if case .name = e.kind, !parenthesizedSpans.contains(e.span) {
            throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e.span.through(value.span))
        }
        if isBitwiseOrLevel(e) && !isExcludedFromHint(e) {
            throw error("cannot assign to \(expressionName(e)) here. Maybe you meant '==' instead of '='?", e.span)
        }
    }

    /// Whether CPython's grammar sees `e` as a `bitwise_or` (an operand, or anything in parentheses).
    func isBitwiseOrLevel(_ e: Expr) -> Bool {
        if parenthesizedSpans.contains(e.span) { return true }
        switch e.kind {
        case .compare, .boolean, .unary(.not, _), .conditional, .lambda, .namedExpression, .starred, .yield,
             .yieldFrom, .tuple:
            return false
        default:
            return true
        }
    }

    private mutating func checkAnnotationTarget(_ target: Expr) throws {
        switch target.kind {
        case .name, .attribute, .subscript: return
        case .tuple, .list:
            throw error("only single target (not \(expressionName(target))) can be annotated", target.span)
        default:
            throw error("illegal target for annotation", target.span)
        }
    }

    /// The first part of `e` that cannot be assigned to (or deleted), as CPython finds it.
    func invalidTarget(_ e: Expr, context: TargetContext) -> Expr? {
        switch e.kind {
        case .name, .attribute, .subscript:
            return nil
        case .tuple(let elements), .list(let elements):
            for element in elements {
                if let bad = invalidTarget(element, context: context) { return bad }
            }
            return nil
        case .starred(let inner):
            return context == .delete ? e : invalidTarget(inner, context: context)
        default:
            return e
        }
    }

    /// How CPython's messages name an expression (`_PyPegen_get_expr_name`).
    func expressionName(_ e: Expr) -> String {
        switch e.kind {
        case .name: return "name"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .boolean, .binary, .unary: return "expression"
        case .generator: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .listComprehension: return "list comprehension"
        case .setComprehension: return "set comprehension"
        case .dictComprehension: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .formattedString: return "f-string expression"
        case .compare: return "comparison"
        case .conditional: return "conditional expression"
        case .namedExpression: return "named expression"
        case .slice: return "slice"
        case .constant(let c):
            switch c {
            case .none: return "None"
            case .bool(let b): return b ? "True" : "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        }
    }

    /// CPython's compiler: `*a = x` needs a list or tuple, and only one starred target per level.
    mutating func checkStarredTargets(_ e: Expr) {
        switch e.kind {
        case .starred:
            recordCompilerError(error("starred assignment target must be in a list or tuple", e.span))
        case .tuple(let elements), .list(let elements):
            var starred = 0
            for element in elements {
                if case .starred(let inner) = element.kind {
                    starred += 1
                    checkStarredTargets(inner)
                } else {
                    checkStarredTargets(element)
                }
            }
            if starred > 1 { recordCompilerError(error("multiple starred expressions in assignment", e.span)) }
        default:
            break
        }
    }

    /// `x = *a`, `*a` alone, `return *a`: CPython's compiler rejects a starred value outside a display.
    mutating func checkNotBareStarred(_ e: Expr) {
        if case .starred = e.kind { recordCompilerError(error("can't use starred expression here", e.span)) }
    }

    /// `for a, (b, *c) in ...` and comprehension targets.
    mutating func parseForTarget() throws -> Expr {
        let first = try parseBitwiseOrOrStarred()
        var target = first
        if try atOp(",") {
            var elements = [first]
            while try eatOp(",") {
                if try atKeyword("in") { break }
                elements.append(try parseBitwiseOrOrStarred())
            }
            target = Expr(.tuple(elements), spanFrom(first.span))
        }
        if let bad = invalidTarget(target, context: .forLoop) {
            throw error("cannot assign to \(expressionName(bad))", bad.span)
        }
        checkStarredTargets(target)
        return target
    }

    /// `with x as target`.
    mutating func parseSingleTarget() throws -> Expr {
        let target = try parseBitwiseOrOrStarred()
        if let bad = invalidTarget(target, context: .assign) {
            throw error("cannot assign to \(expressionName(bad))", bad.span)
        }
        checkStarredTargets(target)
        return target
    }

    mutating func parseBitwiseOrOrStarred() throws -> Expr {
        let t = try peek()
        if t.isOp("*") {
            pos += 1
            let inner = try parseBitwiseOr()
            return Expr(.starred(inner), spanFrom(t.span))
        }
        return try parseBitwiseOr()
    }
}
