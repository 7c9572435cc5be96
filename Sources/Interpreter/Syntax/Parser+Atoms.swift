/// Atoms: names, constants, parenthesized forms (group, tuple, generator), list, set and
/// dict displays and their comprehensions.
extension PythonParser {
    enum ComprehensionKind {
        case list, set, dict, generator
        var name: String {
            switch self {
            case .list: return "list comprehension"
            case .set: return "set comprehension"
            case .dict: return "dict comprehension"
            case .generator: return "generator expression"
            }
        }
    }

    mutating func parseAtom() throws -> Expr {
        let t = try peek()
        switch t.kind {
        case .name:
            pos += 1
            return Expr(.name(t.text), t.span)
        case .number:
            pos += 1
            return Expr(.constant(t.number), t.span)
        case .string:
            return try parseStrings()
        case .keyword:
            switch t.text {
            case "None": pos += 1; return Expr(.constant(.none), t.span)
            case "True": pos += 1; return Expr(.constant(.bool(true)), t.span)
            case "False": pos += 1; return Expr(.constant(.bool(false)), t.span)
            default: throw try invalidSyntax()
            }
        case .op:
            switch t.text {
            case "(": return try parseParenthesized()
            case "[": return try parseListDisplay()
            case "{": return try parseBraceDisplay()
            case "...": pos += 1; return Expr(.constant(.ellipsis), t.span)
            default: throw try invalidSyntax()
            }
        default:
            throw try invalidSyntax()
        }
    }

    private mutating func parseParenthesized() throws -> Expr {
        let open = try advance()
        if try eatOp(")") { return Expr(.tuple([]), spanFrom(open.span)) }
        if try atKeyword("yield") {
            let e = try parseYield()
            try expectClosing(")", after: nil)
            parenthesizedSpans.insert(e.span)
            return e
        }
        let first = try parseStarNamedExpression()
        if try atKeyword("for") {
            try rejectStarredElement(first, "iterable unpacking cannot be used in comprehension")
            let generator = try parseComprehensionTail(element: first, start: open.span, kind: .generator)
            try expectClosing(")", after: nil)
            return Expr(generator.kind, spanFrom(open.span))
        }
        guard try atOp(",") else {
            try checkStrayAssignment(after: first)
            try expectClosing(")", after: first)
            if case .starred = first.kind { recordCompilerError(error("can't use starred expression here", first.span)) }
            parenthesizedSpans.insert(first.span)
            return first
        }
        var elements = [first]
        while try eatOp(",") {
            if try atOp(")") { break }
            elements.append(try parseStarNamedExpression())
        }
        try expectClosing(")", after: elements.last)
        return Expr(.tuple(elements), spanFrom(open.span))
    }

    private mutating func rejectStarredElement(_ e: Expr, _ message: String) throws {
        if case .starred = e.kind { throw error(message, e.span) }
    }

    private mutating func parseListDisplay() throws -> Expr {
        let open = try advance()
        if try eatOp("]") { return Expr(.list([]), spanFrom(open.span)) }
        let first = try parseStarNamedExpression()
        if try atKeyword("for") {
            try rejectStarredElement(first, "iterable unpacking cannot be used in comprehension")
            let comprehension = try parseComprehensionTail(element: first, start: open.span, kind: .list)
            try expectClosing("]", after: nil)
            return Expr(comprehension.kind, spanFrom(open.span))
        }
        var elements = [first]
        while try eatOp(",") {
            if try atOp("]") { break }
            elements.append(try parseStarNamedExpression())
        }
        try expectClosing("]", after: elements.last)
        return Expr(.list(elements), spanFrom(open.span))
    }

    private mutating func parseBraceDisplay() throws -> Expr {
        let open = try advance()
        if try eatOp("}") { return Expr(.dict([]), spanFrom(open.span)) }
        let t = try peek()
        if t.isOp("**") {
            pos += 1
            let unpacked = try parseBitwiseOr()
            if try atKeyword("for") {
                throw error("dict unpacking cannot be used in dict comprehension", t.span)
            }
            return try parseDictItems(first: .unpack(unpacked), lastValue: unpacked, open: open)
        }
        let first = try parseStarNamedExpression()
        if try eatOp(":") {
            if case .starred = first.kind { throw try invalidSyntax() }
            if try atOp("}") || (try atOp(",")) {
                throw error("expression expected after dictionary key and ':'", previous.span)
            }
            let value = try parseExpression()
            if try atKeyword("for") {
                let comprehension = try parseComprehensionTail(element: first, value: value, start: open.span,
                                                               kind: .dict)
                try expectClosing("}", after: nil)
                return Expr(comprehension.kind, spanFrom(open.span))
            }
            return try parseDictItems(first: .pair(key: first, value: value), lastValue: value, open: open)
        }
        if try atKeyword("for") {
            try rejectStarredElement(first, "iterable unpacking cannot be used in comprehension")
            let comprehension = try parseComprehensionTail(element: first, start: open.span, kind: .set)
            try expectClosing("}", after: nil)
            return Expr(comprehension.kind, spanFrom(open.span))
        }
        var elements = [first]
        while try eatOp(",") {
            if try atOp("}") { break }
            elements.append(try parseStarNamedExpression())
        }
        try expectClosing("}", after: elements.last)
        return Expr(.set(elements), spanFrom(open.span))
    }

    private mutating func parseDictItems(first: DictItem, lastValue: Expr, open: Token) throws -> Expr {
        var items = [first]
        var last = lastValue
        while try eatOp(",") {
            if try atOp("}") { break }
            if try eatOp("**") {
                last = try parseBitwiseOr()
                items.append(.unpack(last))
                continue
            }
            let key = try parseExpression()
            guard try eatOp(":") else {
                if try atOp(",") || (try atOp("}")) {
                    let lastCharacter = SourceSpan(line: key.span.endLine, column: key.span.endColumn - 1,
                                                   endLine: key.span.endLine, endColumn: key.span.endColumn)
                    throw error("':' expected after dictionary key", lastCharacter)
                }
                try checkMissingComma(after: key)
                throw try invalidSyntax()
            }
            if try atOp("}") || (try atOp(",")) {
                throw error("expression expected after dictionary key and ':'", previous.span)
            }
            last = try parseExpression()
            items.append(.pair(key: key, value: last))
        }
        try expectClosing("}", after: last)
        return Expr(.dict(items), spanFrom(open.span))
    }

    /// The `for ... in ... if ...` clauses after a comprehension's element. `yield` in them
    /// (except in the first iterable, which runs in the enclosing scope) is an error.
    mutating func parseComprehensionTail(element: Expr, value: Expr? = nil, start: SourceSpan,
                                         kind: ComprehensionKind) throws -> Expr {
        let scopeIndex = scopes.count - 1
        var clauses: [Comprehension] = []
        var firstIterable: SourceSpan?
        while true {
            let t = try peek()
            if t.isKeyword("async") { throw notImplemented("asynchronous comprehensions", t.span) }
            guard t.isKeyword("for") else { break }
            pos += 1
            let target = try parseForTarget()
            guard try eatKeyword("in") else { throw try invalidSyntax() }
            let iterable = try parseDisjunction()
            if firstIterable == nil { firstIterable = iterable.span }
            var conditions: [Expr] = []
            while try eatKeyword("if") { conditions.append(try parseDisjunction()) }
            clauses.append(Comprehension(target: target, iterable: iterable, conditions: conditions))
        }
        let outerYields = scopes[scopeIndex].yields
        for y in outerYields where contains(start.through(previous.span), y) {
            if let firstIterable, contains(firstIterable, y) { continue }
            recordSymbolTableError(error("'yield' inside \(kind.name)", y))
        }
        let span = start.through(previous.span)
        switch kind {
        case .list: return Expr(.listComprehension(element, clauses), span)
        case .set: return Expr(.setComprehension(element, clauses), span)
        case .generator: return Expr(.generator(element, clauses), span)
        case .dict: return Expr(.dictComprehension(key: element, value: value ?? element, clauses), span)
        }
    }

    private func contains(_ outer: SourceSpan, _ inner: SourceSpan) -> Bool {
        let startsAfter = (inner.line, inner.column) >= (outer.line, outer.column)
        let endsBefore = (inner.endLine, inner.endColumn) <= (outer.endLine, outer.endColumn)
        return startsAfter && endsBefore
    }
}
