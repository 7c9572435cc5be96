/// The height of expression trees, so the parser can refuse trees deeper than
/// `PythonParser.maxTreeDepth`: chains such as `-----x` or `a + a + ... + a` are parsed by
/// loops but still build deep trees, and a deep tree overflows the stack when it is walked
/// or freed. CPython refuses them too ("maximum recursion depth exceeded during compilation").
extension ExprKind {
    /// The largest `depth` among the direct children (0 for a leaf).
    var childDepth: Int {
        switch self {
        case .name, .constant:
            return 0
        case .formattedString(let parts):
            return partsDepth(parts)
        case .unary(_, let e), .starred(let e), .yieldFrom(let e), .namedExpression(_, let e):
            return e.depth
        case .binary(_, let a, let b):
            return max(a.depth, b.depth)
        case .boolean(_, let es), .list(let es), .tuple(let es), .set(let es):
            return maxDepth(es)
        case .compare(let first, let rest):
            return rest.reduce(first.depth) { max($0, $1.1.depth) }
        case .conditional(let test, let body, let orElse):
            return max(test.depth, body.depth, orElse.depth)
        case .lambda(let parameters, let body):
            let defaults = (parameters.positionalOnly + parameters.regular + parameters.keywordOnly)
                .compactMap(\.defaultValue)
            return max(body.depth, maxDepth(defaults))
        case .call(let f, let arguments):
            return arguments.reduce(f.depth) { deepest, argument in
                switch argument {
                case .positional(let e), .star(let e), .keyword(_, let e, _), .doubleStar(let e):
                    return max(deepest, e.depth)
                }
            }
        case .attribute(let e, _):
            return e.depth
        case .subscript(let e, let index):
            return max(e.depth, index.depth)
        case .slice(let lower, let upper, let step):
            return max(lower?.depth ?? 0, upper?.depth ?? 0, step?.depth ?? 0)
        case .dict(let items):
            return items.reduce(0) { deepest, item in
                switch item {
                case .pair(let k, let v): return max(deepest, k.depth, v.depth)
                case .unpack(let e): return max(deepest, e.depth)
                }
            }
        case .listComprehension(let e, let clauses), .setComprehension(let e, let clauses),
             .generator(let e, let clauses):
            return max(e.depth, clausesDepth(clauses))
        case .dictComprehension(let key, let value, let clauses):
            return max(key.depth, value.depth, clausesDepth(clauses))
        case .yield(let e):
            return e?.depth ?? 0
        }
    }

    private func maxDepth(_ es: [Expr]) -> Int { es.reduce(0) { max($0, $1.depth) } }

    private func clausesDepth(_ clauses: [Comprehension]) -> Int {
        clauses.reduce(0) { max($0, $1.target.depth, $1.iterable.depth, maxDepth($1.conditions)) }
    }

    private func partsDepth(_ parts: [FStringPart]) -> Int {
        parts.reduce(0) { deepest, part in
            guard case .replacement(let e, _, let spec, _) = part else { return deepest }
            return max(deepest, e.depth, spec.map(partsDepth) ?? 0)
        }
    }
}
