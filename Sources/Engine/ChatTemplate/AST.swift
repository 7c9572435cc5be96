/// The syntax tree of a template. Every node that can fail at run time
/// carries the span of its source, so errors point at the template line.

/// One argument at a call site: `f(x)`, `f(key=x)`, `f(*xs)`, `f(**kw)`.
struct Argument {
    enum Kind { case positional, keyword(String), star, starStar }
    var kind: Kind
    var value: Expr
}

indirect enum Expr {
    case literal(JinjaValue, TemplateSpan)
    case name(String, TemplateSpan)
    case list([Expr], TemplateSpan)
    case tuple([Expr], TemplateSpan)
    case dict([(key: Expr, value: Expr)], TemplateSpan)
    /// `-x`, `+x`, `not x`.
    case unary(String, Expr, TemplateSpan)
    /// Arithmetic, `~`, `and`, `or`.
    case binary(String, Expr, Expr, TemplateSpan)
    /// `a < b <= c`, `x in y`, `x not in y` (chained like Python).
    case compare(Expr, [(op: String, rhs: Expr)], TemplateSpan)
    /// `a.b`: attribute first, then item (jinja2's `getattr`).
    case attribute(Expr, String, TemplateSpan)
    /// `a[b]`: item first, then attribute (jinja2's `getitem`).
    case item(Expr, Expr, TemplateSpan)
    /// `start:stop:step`, only as a subscript.
    case slice(Expr?, Expr?, Expr?, TemplateSpan)
    case call(Expr, [Argument], TemplateSpan)
    case filter(Expr, String, [Argument], TemplateSpan)
    case test(Expr, String, [Argument], negated: Bool, TemplateSpan)
    /// `then if cond else otherwise`; a missing `else` yields undefined.
    case conditional(cond: Expr, then: Expr, otherwise: Expr?, TemplateSpan)

    var span: TemplateSpan {
        switch self {
        case let .literal(_, s), let .name(_, s), let .list(_, s), let .tuple(_, s), let .dict(_, s),
             let .unary(_, _, s), let .binary(_, _, _, s), let .compare(_, _, s), let .attribute(_, _, s),
             let .item(_, _, s), let .slice(_, _, _, s), let .call(_, _, s), let .filter(_, _, _, s),
             let .test(_, _, _, _, s), let .conditional(_, _, _, s):
            return s
        }
    }
}

/// Left-hand sides of `set` and `for`.
indirect enum AssignTarget {
    case name(String)
    case tuple([AssignTarget])
    /// `{% set ns.attr = ... %}`.
    case namespaceAttribute(String, String)
}

/// One `| name(args)` in a filter chain (`{% filter %}`, block `set`).
struct FilterCall {
    var name: String
    var arguments: [Argument]
    var span: TemplateSpan
}

struct MacroDefinition {
    var name: String
    var parameters: [(name: String, defaultValue: Expr?)]
    var body: [Stmt]
    var span: TemplateSpan
    /// Whether the body reads `varargs` / `kwargs` / `caller`: jinja2 only
    /// accepts extra positional or keyword arguments (or a caller) when it does.
    var readsVarargs: Bool
    var readsKwargs: Bool
    var readsCaller: Bool

    init(name: String, parameters: [(name: String, defaultValue: Expr?)], body: [Stmt], span: TemplateSpan) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.span = span
        let names = ASTWalk.names(in: body)
        readsVarargs = names.contains("varargs")
        readsKwargs = names.contains("kwargs")
        readsCaller = names.contains("caller")
    }
}

indirect enum Stmt {
    case output(String)
    case print(Expr, TemplateSpan)
    case ifChain([(cond: Expr, body: [Stmt])], otherwise: [Stmt])
    case forLoop(ForLoop)
    case set(AssignTarget, Expr, TemplateSpan)
    case setBlock(AssignTarget, [FilterCall], [Stmt], TemplateSpan)
    case macro(MacroDefinition)
    /// `{% call(args) macro(...) %}body{% endcall %}`: `caller` is the body as a macro.
    case callBlock(Expr, MacroDefinition, TemplateSpan)
    case filterBlock([FilterCall], [Stmt], TemplateSpan)
    case with([(AssignTarget, Expr)], [Stmt], TemplateSpan)
    case breakLoop(TemplateSpan)
    case continueLoop(TemplateSpan)
    /// transformers' `{% generation %}`: the output inside is an assistant span.
    case generation([Stmt], TemplateSpan)
}

struct ForLoop {
    var target: AssignTarget
    var iterable: Expr
    var filter: Expr?
    var body: [Stmt]
    var otherwise: [Stmt]
    var recursive: Bool
    var span: TemplateSpan
    /// Whether the body reads `loop`; building the loop object is skipped otherwise.
    var readsLoop: Bool
}
