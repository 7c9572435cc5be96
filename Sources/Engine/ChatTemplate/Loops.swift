/// `{% for %}` with jinja2's semantics: an optional `if` filter applied before
/// counting, an `else` body when nothing is iterated, a fresh scope per
/// iteration, `break`/`continue`, and the `loop` object — callable in
/// `recursive` loops to render the body again over children (`loop(item.children)`).
extension Interpreter {
    func executeFor(_ loop: ForLoop, _ scope: Scope) throws -> ControlFlow {
        try runLoop(loop, over: try evaluate(loop.iterable, scope), depth: 1, scope)
    }

    private func runLoop(_ loop: ForLoop, over iterable: JinjaValue, depth: Int, _ scope: Scope) throws -> ControlFlow {
        // An undefined iterable loops zero times, as jinja2's Undefined is an empty iterable.
        var items = try iterable.iterate(loop.span)
        if let filter = loop.filter {
            items = try items.filter { item in
                let probe = Scope(parent: scope)
                try assign(loop.target, item, probe, loop.span)
                return try evaluate(filter, probe).isTruthy
            }
        }
        // The else body has its own scope; its break/continue belong to an enclosing loop.
        if items.isEmpty { return try execute(loop.otherwise, Scope(parent: scope)) }
        let changed = ChangeTracker()
        for (i, item) in items.enumerated() {
            let inner = Scope(parent: scope)
            if loop.readsLoop {
                inner.set("loop", loopObject(loop, index: i, items: items, depth: depth, changed: changed, scope))
            }
            try assign(loop.target, item, inner, loop.span)
            if try execute(loop.body, inner) == .breakLoop { break }
        }
        return .normal
    }

    /// Remembers the last value given to `loop.changed(...)` across iterations.
    private final class ChangeTracker {
        var last: JinjaValue?
    }

    /// jinja2's `loop` variable for iteration `i`.
    private func loopObject(_ loop: ForLoop, index i: Int, items: [JinjaValue], depth: Int, changed: ChangeTracker,
                            _ scope: Scope) -> JinjaValue {
        let n = items.count
        var d = JinjaDict()
        d["index"] = .int(i + 1)
        d["index0"] = .int(i)
        d["revindex"] = .int(n - i)
        d["revindex0"] = .int(n - i - 1)
        d["first"] = .bool(i == 0)
        d["last"] = .bool(i == n - 1)
        d["length"] = .int(n)
        d["depth"] = .int(depth)
        d["depth0"] = .int(depth - 1)
        if i > 0 { d["previtem"] = items[i - 1] }
        if i + 1 < n { d["nextitem"] = items[i + 1] }
        d["cycle"] = .function(JinjaFunction("loop.cycle") { args in
            guard !args.positional.isEmpty else { throw TemplateError.runtime("no items for cycling given") }
            return args.positional[i % args.positional.count]
        })
        d["changed"] = .function(JinjaFunction("loop.changed") { args in
            let value = JinjaValue.list(args.positional)
            if let last = changed.last, pyEquals(last, value) { return .bool(false) }
            changed.last = value
            return .bool(true)
        })
        return .function(JinjaFunction("loop", attributes: d) { args in
            guard loop.recursive else {
                throw TemplateError.runtime("The loop must have the 'recursive' marker to be called recursively.")
            }
            let a = try args.bind("loop", [("iterable", nil)])
            self.callDepth += 1
            defer { self.callDepth -= 1 }
            if self.callDepth > Interpreter.maxCallDepth {
                throw TemplateError.runtime("maximum recursion depth exceeded in a recursive loop")
            }
            return .string(try self.captureOutput { _ = try self.runLoop(loop, over: a[0], depth: depth + 1, scope) })
        })
    }
}
