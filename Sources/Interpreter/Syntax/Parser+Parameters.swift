/// Parameter lists of `def` and `lambda`: `a, /, b=1, *args, c, d=2, **kwargs`, with
/// annotations parsed and dropped, and CPython 3.11's messages for misplaced parts.
extension PythonParser {
    mutating func parseParameters(closing: String, allowAnnotations: Bool) throws -> Parameters {
        var parameters = Parameters()
        var seenSlash = false
        var seenStar = false
        var seenDefault = false
        var bareStar: Token?
        var names = Set<String>()

        func checkDuplicate(_ name: Token, _ parser: inout PythonParser) {
            if names.contains(name.text) {
                parser.recordSymbolTableError(parser.error("duplicate argument '\(name.text)' in function definition",
                                                           name.span))
            }
            names.insert(name.text)
        }

        while try !atOp(closing) {
            let t = try peek()
            if t.isOp("/") {
                if seenSlash { throw error("/ may appear only once", t.span) }
                if seenStar { throw error("/ must be ahead of *", t.span) }
                if parameters.regular.isEmpty { throw error("at least one argument must precede /", t.span) }
                pos += 1
                seenSlash = true
                parameters.positionalOnly = parameters.regular
                parameters.regular = []
            } else if t.isOp("*") {
                if seenStar { throw error("* argument may appear only once", t.span) }
                pos += 1
                seenStar = true
                if try atOp(",") || (try atOp(closing)) {
                    bareStar = t
                } else {
                    let name = try expectName()
                    checkDuplicate(name, &self)
                    try skipAnnotation(allowAnnotations)
                    if try atOp("=") {
                        throw try errorAtCurrent("var-positional argument cannot have default value")
                    }
                    parameters.varArgs = Parameter(name: name.text, span: name.span)
                }
            } else if t.isOp("**") {
                pos += 1
                let name = try expectName()
                checkDuplicate(name, &self)
                try skipAnnotation(allowAnnotations)
                if try atOp("=") {
                    throw try errorAtCurrent("var-keyword argument cannot have default value")
                }
                parameters.varKeywords = Parameter(name: name.text, span: name.span)
                _ = try eatOp(",")
                if try !atOp(closing) {
                    let next = try peek()
                    if next.kind == .name || next.isOp("*") || next.isOp("**") || next.isOp("/") {
                        throw error("arguments cannot follow var-keyword argument", next.span)
                    }
                    throw try invalidSyntax()
                }
                break
            } else if t.kind == .name {
                pos += 1
                checkDuplicate(t, &self)
                let annotation = try skipAnnotation(allowAnnotations)
                let defaultValue = try eatOp("=") ? try parseExpression() : nil
                if let last = defaultValue ?? annotation { try checkArgumentEnd(after: last, closing: closing) }
                let parameter = Parameter(name: t.text, defaultValue: defaultValue, span: spanFrom(t.span))
                if seenStar {
                    parameters.keywordOnly.append(parameter)
                } else {
                    if defaultValue == nil && seenDefault {
                        // CPython reports it once the parameter list itself parses.
                        if try !atOp(","), try !atOp(closing) { throw try invalidSyntax() }
                        throw error("non-default argument follows default argument", t.span)
                    }
                    if defaultValue != nil { seenDefault = true }
                    parameters.regular.append(parameter)
                }
            } else {
                throw try invalidSyntax()
            }
            if try !eatOp(",") { break }
        }
        if let bareStar, parameters.keywordOnly.isEmpty {
            throw error("named arguments must follow bare *", bareStar.span)
        }
        return parameters
    }

    mutating func bindParameters(_ p: Parameters) {
        var all = p.positionalOnly + p.regular + p.keywordOnly
        if let v = p.varArgs { all.append(v) }
        if let k = p.varKeywords { all.append(k) }
        for parameter in all {
            bind(parameter.name)
            scopes[scopes.count - 1].parameters.insert(parameter.name)
        }
    }

    /// Parses and drops an annotation; returns it (for the comma hint after it).
    @discardableResult
    private mutating func skipAnnotation(_ allowed: Bool) throws -> Expr? {
        guard allowed, try eatOp(":") else { return nil }
        if try eatOp("*") { return try parseBitwiseOr() }
        return try parseExpression()
    }
}
