/// Walks every expression of a statement tree. Used for the checks jinja2
/// makes at compile time (unknown filters and tests) and for facts the
/// interpreter wants up front (does a loop body read `loop`, does a macro
/// read `varargs`, `kwargs` or `caller`).
enum ASTWalk {
    /// Calls `visit` on every expression, nested ones included, in source order.
    static func expressions(in body: [Stmt], _ visit: (Expr) throws -> Void) rethrows {
        for stmt in body { try expressions(in: stmt, visit) }
    }

    /// Every variable name the tree reads (an over-approximation: shadowing is ignored).
    static func names(in body: [Stmt]) -> Set<String> {
        var names: Set<String> = []
        expressions(in: body) { if case let .name(n, _) = $0 { names.insert(n) } }
        return names
    }

    /// jinja2's compile-time checks: an unknown filter or test fails the whole template.
    static func validate(_ body: [Stmt]) throws {
        try expressions(in: body) { expr in
            switch expr {
            case let .filter(_, name, _, span):
                guard Interpreter.filterNames.contains(name) else { throw TemplateError.syntax("No filter named '\(name)'.", span) }
            case let .test(_, name, _, _, span):
                guard Interpreter.testNames.contains(name) else { throw TemplateError.syntax("No test named '\(name)'.", span) }
            default: break
            }
        }
        try filterCalls(in: body) { f in
            guard Interpreter.filterNames.contains(f.name) else { throw TemplateError.syntax("No filter named '\(f.name)'.", f.span) }
        }
    }

    /// The filters of `{% filter %}` blocks and filtered block `set`s.
    private static func filterCalls(in body: [Stmt], _ visit: (FilterCall) throws -> Void) throws {
        for stmt in body {
            switch stmt {
            case let .setBlock(_, filters, inner, _), let .filterBlock(filters, inner, _):
                for f in filters { try visit(f) }
                try filterCalls(in: inner, visit)
            case let .ifChain(branches, otherwise):
                for b in branches { try filterCalls(in: b.body, visit) }
                try filterCalls(in: otherwise, visit)
            case let .forLoop(loop):
                try filterCalls(in: loop.body, visit)
                try filterCalls(in: loop.otherwise, visit)
            case let .macro(m), let .callBlock(_, m, _): try filterCalls(in: m.body, visit)
            case let .with(_, inner, _), let .generation(inner, _): try filterCalls(in: inner, visit)
            default: break
            }
        }
    }

    private static func expressions(in stmt: Stmt, _ visit: (Expr) throws -> Void) rethrows {
        switch stmt {
        case .output, .breakLoop, .continueLoop: break
        case let .print(e, _), let .set(_, e, _): try expressions(in: e, visit)
        case let .ifChain(branches, otherwise):
            for b in branches {
                try expressions(in: b.cond, visit)
                try expressions(in: b.body, visit)
            }
            try expressions(in: otherwise, visit)
        case let .forLoop(loop):
            try expressions(in: loop.iterable, visit)
            if let f = loop.filter { try expressions(in: f, visit) }
            try expressions(in: loop.body, visit)
            try expressions(in: loop.otherwise, visit)
        case let .setBlock(_, filters, body, _), let .filterBlock(filters, body, _):
            for f in filters { for a in f.arguments { try expressions(in: a.value, visit) } }
            try expressions(in: body, visit)
        case let .macro(m):
            try expressions(in: m, visit)
        case let .callBlock(call, m, _):
            try expressions(in: call, visit)
            try expressions(in: m, visit)
        case let .with(assignments, body, _):
            for (_, e) in assignments { try expressions(in: e, visit) }
            try expressions(in: body, visit)
        case let .generation(body, _):
            try expressions(in: body, visit)
        }
    }

    private static func expressions(in m: MacroDefinition, _ visit: (Expr) throws -> Void) rethrows {
        for p in m.parameters { if let d = p.defaultValue { try expressions(in: d, visit) } }
        try expressions(in: m.body, visit)
    }

    private static func expressions(in expr: Expr, _ visit: (Expr) throws -> Void) rethrows {
        try visit(expr)
        switch expr {
        case .literal, .name: break
        case let .list(items, _), let .tuple(items, _):
            for i in items { try expressions(in: i, visit) }
        case let .dict(pairs, _):
            for p in pairs {
                try expressions(in: p.key, visit)
                try expressions(in: p.value, visit)
            }
        case let .unary(_, e, _), let .attribute(e, _, _):
            try expressions(in: e, visit)
        case let .binary(_, a, b, _), let .item(a, b, _):
            try expressions(in: a, visit)
            try expressions(in: b, visit)
        case let .compare(first, ops, _):
            try expressions(in: first, visit)
            for o in ops { try expressions(in: o.rhs, visit) }
        case let .slice(a, b, c, _):
            for e in [a, b, c].compactMap({ $0 }) { try expressions(in: e, visit) }
        case let .call(e, args, _), let .filter(e, _, args, _), let .test(e, _, args, _, _):
            try expressions(in: e, visit)
            for a in args { try expressions(in: a.value, visit) }
        case let .conditional(c, t, o, _):
            try expressions(in: c, visit)
            try expressions(in: t, visit)
            if let o { try expressions(in: o, visit) }
        }
    }
}
