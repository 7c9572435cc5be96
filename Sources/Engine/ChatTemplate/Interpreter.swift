/// Variables visible at one point of a template. jinja2 gives each for-loop
/// iteration, macro call and `with` block its own scope (a `set` inside a
/// loop is not seen after it — hence `namespace()`); `if` has none.
final class Scope {
    private var variables: [String: JinjaValue] = [:]
    let parent: Scope?

    init(parent: Scope?, _ initial: [String: JinjaValue] = [:]) {
        self.parent = parent
        self.variables = initial
    }

    func lookup(_ name: String) -> JinjaValue? {
        variables[name] ?? parent?.lookup(name)
    }

    func set(_ name: String, _ value: JinjaValue) { variables[name] = value }
}

/// What a statement asks its enclosing loop to do.
enum ControlFlow { case normal, breakLoop, continueLoop }

/// Renders a parsed template. One instance per render: it holds the output
/// being built and the `{% generation %}` spans recorded along the way.
final class Interpreter {
    /// Output buffers; captures (`set` blocks, macros, filter blocks) push one.
    private var buffers: [String] = [""]
    /// Length in Unicode scalars of the root buffer (Python string offsets).
    private var rootLength = 0
    private(set) var generationSpans: [Range<Int>] = []
    /// Active macro calls and recursive-loop calls; bounded like Python's recursion
    /// limit so runaway recursion is an error rather than a stack overflow.
    var callDepth = 0
    static let maxCallDepth = 100

    var output: String { buffers[0] }

    func write(_ text: String) {
        if buffers.count == 1 { rootLength += text.unicodeScalars.count }
        buffers[buffers.count - 1] += text
    }

    /// Renders `body` into a string instead of the output.
    func capture(_ body: [Stmt], _ scope: Scope) throws -> String {
        try captureOutput { _ = try execute(body, scope) }
    }

    /// Runs `work` with its output collected into a string instead of the output.
    func captureOutput(_ work: () throws -> Void) throws -> String {
        buffers.append("")
        defer { buffers.removeLast() }
        try work()
        return buffers[buffers.count - 1]
    }

    func execute(_ body: [Stmt], _ scope: Scope) throws -> ControlFlow {
        for stmt in body {
            let flow = try execute(stmt, scope)
            if flow != .normal { return flow }
        }
        return .normal
    }

    private func execute(_ stmt: Stmt, _ scope: Scope) throws -> ControlFlow {
        switch stmt {
        case let .output(text):
            write(text)
        case let .print(expr, _):
            write(try evaluate(expr, scope).pyStr)
        case let .ifChain(branches, otherwise):
            for branch in branches where try evaluate(branch.cond, scope).isTruthy {
                return try execute(branch.body, scope)
            }
            return try execute(otherwise, scope)
        case let .forLoop(loop):
            return try executeFor(loop, scope)
        case let .set(target, expr, span):
            try assign(target, try evaluate(expr, scope), scope, span)
        case let .setBlock(target, filters, body, span):
            // Block bodies (set, filter, generation) have their own scope in jinja2.
            let text = try applyFilters(filters, to: .string(try capture(body, Scope(parent: scope))), scope)
            try assign(target, text, scope, span)
        case let .macro(definition):
            scope.set(definition.name, .function(JinjaFunction(macro: definition, scope: scope)))
        case let .callBlock(call, caller, span):
            guard case let .call(callee, args, _) = call else { throw TemplateError.syntax("expected call", span) }
            var arguments = try evaluateArguments(args, scope)
            arguments.keywords.append(("caller", .function(JinjaFunction(macro: caller, scope: scope))))
            write(try invoke(try evaluate(callee, scope), arguments, span).pyStr)
        case let .filterBlock(filters, body, _):
            write(try applyFilters(filters, to: .string(try capture(body, Scope(parent: scope))), scope).pyStr)
        case let .with(assignments, body, span):
            let inner = Scope(parent: scope)
            for (target, expr) in assignments { try assign(target, try evaluate(expr, scope), inner, span) }
            return try execute(body, inner)
        case .breakLoop:
            return .breakLoop
        case .continueLoop:
            return .continueLoop
        case let .generation(body, _):
            // Like transformers' AssistantTracker: the start is the length of the
            // template output so far, the end adds the length of the block's text.
            let start = rootLength
            let text = try capture(body, Scope(parent: scope))
            generationSpans.append(start..<(start + text.unicodeScalars.count))
            write(text)
        }
        return .normal
    }

    private func applyFilters(_ filters: [FilterCall], to value: JinjaValue, _ scope: Scope) throws -> JinjaValue {
        var v = value
        for f in filters {
            v = try applyFilter(f.name, to: v, try evaluateArguments(f.arguments, scope), f.span)
        }
        return v
    }

    func assign(_ target: AssignTarget, _ value: JinjaValue, _ scope: Scope, _ span: TemplateSpan) throws {
        switch target {
        case let .name(n):
            scope.set(n, value)
        case let .tuple(targets):
            let items = try value.iterate(span)
            guard items.count == targets.count else {
                let what = items.count > targets.count ? "too many values to unpack (expected \(targets.count))"
                    : "not enough values to unpack (expected \(targets.count), got \(items.count))"
                throw TemplateError.runtime(what, span)
            }
            for (t, v) in zip(targets, items) { try assign(t, v, scope, span) }
        case let .namespaceAttribute(name, attribute):
            guard case let .namespace(ns) = scope.lookup(name) ?? .missing else {
                throw TemplateError.runtime("cannot assign attribute on non-namespace object", span)
            }
            if attribute.hasPrefix("_") {
                throw TemplateError.runtime("Chat templates cannot store underscore-prefixed attributes on a namespace, but got '\(attribute)'. Please rename the attribute.", span)
            }
            ns.attributes[attribute] = value
        }
    }

    /// Calls a function or macro value.
    func invoke(_ callee: JinjaValue, _ args: JinjaArguments, _ span: TemplateSpan) throws -> JinjaValue {
        switch callee {
        case let .function(f):
            switch f.body {
            case let .builtin(body):
                do { return try body(args) } catch let e as TemplateError { throw e.located(span) }
            case let .macro(definition, definingScope):
                return try callMacro(definition, definingScope, args, span)
            }
        case let .undefined(message):
            throw TemplateError.runtime(message, span)
        default:
            throw TemplateError.runtime("'\(callee.typeName)' object is not callable", span)
        }
    }

    /// Binds arguments like jinja2 macros: missing ones are undefined, extra
    /// positional ones go to `varargs`, extra keywords to `kwargs`.
    private func callMacro(_ m: MacroDefinition, _ definingScope: Scope, _ args: JinjaArguments, _ span: TemplateSpan) throws -> JinjaValue {
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > Interpreter.maxCallDepth {
            throw TemplateError.runtime("maximum recursion depth exceeded while calling macro '\(m.name)'", span)
        }
        let scope = Scope(parent: definingScope)
        var extraKeywords = JinjaDict()
        var given: [String: JinjaValue] = [:]
        for (k, v) in args.keywords {
            if m.parameters.contains(where: { $0.name == k }) {
                given[k] = v
            } else if k == "caller" {
                guard m.readsCaller else {
                    throw TemplateError.runtime("macro '\(m.name)' was invoked with two values for the special caller argument. This is most likely a bug.", span)
                }
                scope.set("caller", v)
            } else if m.readsKwargs {
                extraKeywords[k] = v
            } else {
                throw TemplateError.runtime("macro '\(m.name)' takes no keyword argument '\(k)'", span)
            }
        }
        if args.positional.count > m.parameters.count, !m.readsVarargs {
            throw TemplateError.runtime("macro '\(m.name)' takes not more than \(m.parameters.count) argument(s)", span)
        }
        for (i, p) in m.parameters.enumerated() {
            if i < args.positional.count {
                if given[p.name] != nil {
                    throw TemplateError.runtime("macro '\(m.name)' got multiple values for argument '\(p.name)'", span)
                }
                scope.set(p.name, args.positional[i])
            } else if let v = given[p.name] {
                scope.set(p.name, v)
            } else if let d = p.defaultValue {
                scope.set(p.name, try evaluate(d, scope))
            } else {
                scope.set(p.name, .undefined("parameter '\(p.name)' was not provided"))
            }
        }
        if m.readsCaller, !args.keywords.contains(where: { $0.0 == "caller" }) {
            scope.set("caller", .undefined("No caller defined"))
        }
        scope.set("varargs", .tuple(Array(args.positional.dropFirst(m.parameters.count))))
        scope.set("kwargs", .dict(extraKeywords))
        return .string(try capture(m.body, scope))
    }
}
