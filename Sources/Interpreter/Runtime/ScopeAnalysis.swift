/// Finds, for one function body, which names are local (assigned there), which are
/// declared `global`/`nonlocal`, and which are used free by nested functions (those
/// locals become cells). Comprehension variables are not locals of the function: the
/// compiler gives them hidden slots of their own, which is how Python scopes them.
struct NameCollector {
    /// Binding occurrences, in first-seen order (slot order).
    var assigned: [String] = []
    private var assignedSet = Set<String>()
    var used = Set<String>()
    var globals = Set<String>()
    var nonlocals = Set<String>()
    /// Names nested functions and classes use without binding them.
    var nestedFree = Set<String>()

    mutating func bind(_ name: String) {
        if assignedSet.insert(name).inserted { assigned.append(name) }
    }

    mutating func stmts(_ body: [Stmt]) {
        for s in body { stmt(s) }
    }

    mutating func stmt(_ s: Stmt) {
        switch s.kind {
        case .expression(let e): expr(e)
        case .assign(let targets, let value):
            for t in targets { target(t) }
            expr(value)
        case .augmentedAssign(let t, _, let value):
            target(t)
            expr(t)
            expr(value)
        case .annotatedAssign(let t, let value):
            target(t)
            if let v = value { expr(v) }
        case .functionDef(let def):
            bind(def.name)
            for d in def.decorators { expr(d) }
            defaults(def.parameters)
            nestedFree.formUnion(NameCollector.freeNames(parameters: def.parameters, body: def.body))
        case .classDef(let def):
            bind(def.name)
            for d in def.decorators { expr(d) }
            for b in def.bases { expr(b) }
            for (_, k) in def.keywords { expr(k) }
            var inner = NameCollector()
            inner.stmts(def.body)
            nestedFree.formUnion(inner.used.union(inner.nestedFree).subtracting(inner.assigned).subtracting(inner.globals))
        case .return(let e): if let e = e { expr(e) }
        case .delete(let targets): for t in targets { target(t) }
        case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
            expr(test)
            stmts(body)
            stmts(orElse)
        case .for(let t, let iterable, let body, let orElse):
            target(t)
            expr(iterable)
            stmts(body)
            stmts(orElse)
        case .with(let items, let body):
            for item in items {
                expr(item.context)
                if let t = item.target { target(t) }
            }
            stmts(body)
        case .raise(let e, let cause):
            if let e = e { expr(e) }
            if let c = cause { expr(c) }
        case .try(let body, let handlers, let orElse, let finally):
            stmts(body)
            for h in handlers {
                if let t = h.type { expr(t) }
                if let n = h.name { bind(n) }
                stmts(h.body)
            }
            stmts(orElse)
            stmts(finally)
        case .assert(let test, let message):
            expr(test)
            if let m = message { expr(m) }
        case .import(let names):
            for n in names { bind(n.asName ?? String(n.name.split(separator: ".")[0])) }
        case .importFrom(_, let names, _):
            for n in names where n.name != "*" { bind(n.asName ?? n.name) }
        case .global(let names): globals.formUnion(names)
        case .nonlocal(let names): nonlocals.formUnion(names)
        case .pass, .break, .continue: break
        }
    }

    mutating func target(_ e: Expr) {
        switch e.kind {
        case .name(let n): bind(n)
        case .tuple(let items), .list(let items): for i in items { target(i) }
        case .starred(let inner): target(inner)
        default: expr(e)
        }
    }

    private mutating func defaults(_ p: Parameters) {
        for param in p.positionalOnly + p.regular + p.keywordOnly {
            if let d = param.defaultValue { expr(d) }
        }
    }

    mutating func expr(_ e: Expr) {
        switch e.kind {
        case .name(let n): used.insert(n)
        case .constant: break
        case .formattedString(let parts): fstring(parts)
        case .unary(_, let a): expr(a)
        case .binary(_, let a, let b): expr(a); expr(b)
        case .boolean(_, let items): for i in items { expr(i) }
        case .compare(let first, let rest):
            expr(first)
            for (_, r) in rest { expr(r) }
        case .conditional(let t, let b, let o): expr(t); expr(b); expr(o)
        case .lambda(let params, let body):
            defaults(params)
            nestedFree.formUnion(NameCollector.freeNames(parameters: params, body: [Stmt(.return(body), body.span)]))
        case .namedExpression(let target, let value):
            bind(target)
            expr(value)
        case .call(let callee, let args):
            expr(callee)
            for a in args {
                switch a {
                case .positional(let x), .star(let x), .doubleStar(let x): expr(x)
                case .keyword(_, let x, _): expr(x)
                }
            }
        case .attribute(let o, _): expr(o)
        case .subscript(let o, let i): expr(o); expr(i)
        case .slice(let l, let u, let s):
            if let l = l { expr(l) }
            if let u = u { expr(u) }
            if let s = s { expr(s) }
        case .list(let items), .tuple(let items), .set(let items): for i in items { expr(i) }
        case .dict(let items):
            for item in items {
                switch item {
                case .pair(let k, let v): expr(k); expr(v)
                case .unpack(let x): expr(x)
                }
            }
        case .listComprehension(let el, let clauses), .setComprehension(let el, let clauses),
             .generator(let el, let clauses):
            comprehension(clauses)
            expr(el)
        case .dictComprehension(let k, let v, let clauses):
            comprehension(clauses)
            expr(k)
            expr(v)
        case .starred(let x): expr(x)
        case .yield(let x): if let x = x { expr(x) }
        case .yieldFrom(let x): expr(x)
        }
    }

    private mutating func comprehension(_ clauses: [Comprehension]) {
        for c in clauses {
            expr(c.iterable)
            expr(c.target)
            for cond in c.conditions { expr(cond) }
        }
    }

    private mutating func fstring(_ parts: [FStringPart]) {
        for p in parts {
            if case .replacement(let e, _, let spec, _) = p {
                expr(e)
                if let s = spec { fstring(s) }
            }
        }
    }

    static func parameterNames(_ p: Parameters) -> [String] {
        var names = (p.positionalOnly + p.regular).map(\.name)
        if let v = p.varArgs { names.append(v.name) }
        names += p.keywordOnly.map(\.name)
        if let k = p.varKeywords { names.append(k.name) }
        return names
    }

    /// Names a function uses that it does not bind (they come from enclosing scopes).
    static func freeNames(parameters: Parameters, body: [Stmt]) -> Set<String> {
        var c = NameCollector()
        c.stmts(body)
        var locals = Set(parameterNames(parameters))
        locals.formUnion(c.assigned)
        locals.subtract(c.nonlocals)
        return c.used.union(c.nestedFree).union(c.nonlocals).subtracting(locals).subtracting(c.globals)
    }
}

/// Where a name lives at run time.
enum NameRef {
    case slot(Int)
    case cell(Int)
    /// Module-level code and names not bound in any enclosing function: globals, then builtins.
    case global(String)
    /// A class body: the class namespace, then globals, then builtins.
    case classLocal(String)
    /// A comprehension variable captured by a lambda inside it: the slot holds its `Cell`.
    case slotCell(Int)
}

/// The compile-time view of one scope being compiled.
final class CompileScope {
    enum Kind { case module, classBody, function }
    let kind: Kind
    let parent: CompileScope?
    let code: CodeObject
    var slots: [String: Int] = [:]
    /// Cell index of own cell variables and of free variables (own first).
    var cells: [String: Int] = [:]
    var ownCellCount = 0
    /// Free variables in order; the enclosing scope resolves them when creating the function.
    var freeNames: [String] = []
    var globals = Set<String>()
    var nonlocals = Set<String>()
    /// Active comprehension variables (innermost last), each mapping names to hidden slots.
    var comprehensionScopes: [[String: NameRef]] = []

    init(kind: Kind, parent: CompileScope?, code: CodeObject) {
        self.kind = kind
        self.parent = parent
        self.code = code
    }

    func newSlot() -> Int {
        let s = code.slotCount
        code.slotCount += 1
        return s
    }

    func resolve(_ name: String) -> NameRef {
        for scope in comprehensionScopes.reversed() {
            if let r = scope[name] { return r }
        }
        switch kind {
        case .module: return .global(name)
        case .classBody:
            if globals.contains(name) { return .global(name) }
            if let c = freeCell(name) { return .cell(c) }
            return .classLocal(name)
        case .function:
            if globals.contains(name) { return .global(name) }
            if let c = cells[name] { return .cell(c) }
            if let s = slots[name] { return .slot(s) }
            if let c = freeCell(name) { return .cell(c) }
            return .global(name)
        }
    }

    /// A variable of an enclosing function, as one of this scope's free cells.
    private func freeCell(_ name: String) -> Int? {
        if let c = cells[name] { return c }
        var p = parent
        search: while let scope = p {
            switch scope.kind {
            case .classBody: p = scope.parent
            case .function, .module:
                if scope.comprehensionScopes.contains(where: { if case .slotCell? = $0[name] { return true }; return false }) {
                    break search
                }
                if scope.kind == .module { return nil }
                if scope.globals.contains(name) { return nil }
                if scope.cells[name] != nil { break search }
                if scope.slots[name] != nil { return nil }
                p = scope.parent
            }
        }
        guard p != nil else { return nil }
        let index = ownCellCount + freeNames.count
        freeNames.append(name)
        cells[name] = index
        return index
    }
}
