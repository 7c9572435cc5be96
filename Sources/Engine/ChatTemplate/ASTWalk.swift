/// Walks the statement tree. Used for the checks jinja2 makes at compile time
/// (unknown filters and tests) and for facts the interpreter wants up front
/// (does a loop body read `loop`, does a macro read `varargs`, `kwargs` or `caller`).
enum ASTWalk {
    /// Every variable name the tree reads (an over-approximation: shadowing is ignored).
    static func names(in body: [Stmt]) -> Set<String> {
        var names: Set<String> = []
        func visit(_ e: Expr) {
            if case let .name(n, _) = e { names.insert(n) }
            children(of: e).forEach(visit)
        }
        for stmt in body {
            let (exprs, bodies) = parts(of: stmt)
            exprs.forEach(visit)
            for b in bodies { names.formUnion(self.names(in: b)) }
        }
        return names
    }

    /// jinja2's compile-time check: an unknown filter or test fails the whole template,
    /// except inside an `if` (its tests and bodies) or an inline `a if c else b`, where
    /// jinja2 defers the error to the moment the filter runs (so `is filter` guards work).
    /// Loops, macros and blocks start strict again, as jinja2's inner frames do.
    static func validate(_ body: [Stmt], soft: Bool = false) throws {
        for stmt in body {
            switch stmt {
            case let .ifChain(branches, otherwise):
                for b in branches { try validate(b.body, soft: true) }
                try validate(otherwise, soft: true)
            case let .setBlock(_, filters, _, _), let .filterBlock(filters, _, _):
                if !soft {
                    for f in filters { try requireFilter(f.name, f.span) }
                }
                fallthrough
            default:
                let (exprs, bodies) = parts(of: stmt)
                if !soft { try exprs.forEach(validate) }
                for b in bodies { try validate(b) }
            }
        }
    }

    private static func requireFilter(_ name: String, _ span: TemplateSpan) throws {
        guard Interpreter.filterNames.contains(name) else { throw TemplateError.syntax("No filter named '\(name)'.", span) }
    }

    private static func validate(_ expr: Expr) throws {
        switch expr {
        case .conditional:
            return  // checked when it runs
        case let .filter(_, name, _, span):
            try requireFilter(name, span)
        case let .test(_, name, _, _, span):
            guard Interpreter.testNames.contains(name) else { throw TemplateError.syntax("No test named '\(name)'.", span) }
        default:
            break
        }
        try children(of: expr).forEach(validate)
    }

    /// The expressions a statement evaluates itself, and the statement bodies it contains
    /// (for `if`, the conditions are expressions and the branches bodies).
    private static func parts(of stmt: Stmt) -> (exprs: [Expr], bodies: [[Stmt]]) {
        switch stmt {
        case .output, .breakLoop, .continueLoop: return ([], [])
        case let .print(e, _), let .set(_, e, _): return ([e], [])
        case let .ifChain(branches, otherwise): return (branches.map(\.cond), branches.map(\.body) + [otherwise])
        case let .forLoop(loop): return ([loop.iterable] + (loop.filter.map { [$0] } ?? []), [loop.body, loop.otherwise])
        case let .setBlock(_, filters, body, _), let .filterBlock(filters, body, _):
            return (filters.flatMap { $0.arguments.map(\.value) }, [body])
        case let .macro(m): return (m.parameters.compactMap(\.defaultValue), [m.body])
        case let .callBlock(call, m, _): return ([call] + m.parameters.compactMap(\.defaultValue), [m.body])
        case let .with(assignments, body, _): return (assignments.map(\.1), [body])
        case let .generation(body, _): return ([], [body])
        }
    }

    private static func children(of expr: Expr) -> [Expr] {
        switch expr {
        case .literal, .name: return []
        case let .list(items, _), let .tuple(items, _): return items
        case let .dict(pairs, _): return pairs.flatMap { [$0.key, $0.value] }
        case let .unary(_, e, _), let .attribute(e, _, _): return [e]
        case let .binary(_, a, b, _), let .item(a, b, _): return [a, b]
        case let .compare(first, ops, _): return [first] + ops.map(\.rhs)
        case let .slice(a, b, c, _): return [a, b, c].compactMap { $0 }
        case let .call(e, args, _), let .filter(e, _, args, _), let .test(e, _, args, _, _): return [e] + args.map(\.value)
        case let .conditional(c, t, o, _): return [c, t] + (o.map { [$0] } ?? [])
        }
    }
}
