/// Compile-time checks jinja2 makes before rendering: an unknown filter or
/// test name fails the whole template ("No filter named 'x'."), even in a
/// branch that never runs, so sftnb rejects the same templates up front.
enum Validator {
    static func check(_ body: [Stmt]) throws {
        for stmt in body { try check(stmt) }
    }

    private static func check(_ stmt: Stmt) throws {
        switch stmt {
        case .output, .breakLoop, .continueLoop: break
        case let .print(e, _): try check(e)
        case let .ifChain(branches, otherwise):
            for b in branches { try check(b.cond); try check(b.body) }
            try check(otherwise)
        case let .forLoop(loop):
            try check(loop.iterable)
            if let f = loop.filter { try check(f) }
            try check(loop.body)
            try check(loop.otherwise)
        case let .set(_, e, _): try check(e)
        case let .setBlock(_, filters, body, _), let .filterBlock(filters, body, _):
            for f in filters { try checkFilter(f.name, f.span); try check(f.arguments) }
            try check(body)
        case let .macro(m): try check(m)
        case let .callBlock(call, m, _): try check(call); try check(m)
        case let .with(assignments, body, _):
            for (_, e) in assignments { try check(e) }
            try check(body)
        case let .generation(body, _): try check(body)
        }
    }

    private static func check(_ m: MacroDefinition) throws {
        for p in m.parameters { if let d = p.defaultValue { try check(d) } }
        try check(m.body)
    }

    private static func check(_ args: [Argument]) throws {
        for a in args { try check(a.value) }
    }

    private static func checkFilter(_ name: String, _ span: TemplateSpan) throws {
        guard Interpreter.filterNames.contains(name) else { throw TemplateError.syntax("No filter named '\(name)'.", span) }
    }

    private static func check(_ expr: Expr) throws {
        switch expr {
        case .literal, .name: break
        case let .list(items, _), let .tuple(items, _): for i in items { try check(i) }
        case let .dict(pairs, _): for p in pairs { try check(p.key); try check(p.value) }
        case let .unary(_, e, _): try check(e)
        case let .binary(_, a, b, _), let .item(a, b, _): try check(a); try check(b)
        case let .compare(first, ops, _): try check(first); for o in ops { try check(o.rhs) }
        case let .attribute(e, _, _): try check(e)
        case let .slice(a, b, c, _): for e in [a, b, c].compactMap({ $0 }) { try check(e) }
        case let .call(callee, args, _): try check(callee); try check(args)
        case let .filter(e, name, args, span):
            try checkFilter(name, span)
            try check(e); try check(args)
        case let .test(e, name, args, _, span):
            guard Interpreter.testNames.contains(name) else { throw TemplateError.syntax("No test named '\(name)'.", span) }
            try check(e); try check(args)
        case let .conditional(c, t, o, _):
            try check(c); try check(t)
            if let o { try check(o) }
        }
    }
}
