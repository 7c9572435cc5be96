@testable import Interpreter

/// An S-expression rendering of the AST, so parser tests can state expected trees in one
/// readable line: `x = -2**2` → `(= x (neg (** 2 2)))`.
enum ASTDump {
    static func program(_ p: Program) -> String { p.body.map(stmt).joined(separator: "\n") }

    static func block(_ body: [Stmt]) -> String { "(" + body.map(stmt).joined(separator: " ") + ")" }

    static func stmt(_ s: Stmt) -> String {
        switch s.kind {
        case .expression(let e): return expr(e)
        case .assign(let targets, let value): return "(= " + (targets + [value]).map(expr).joined(separator: " ") + ")"
        case .augmentedAssign(let t, let op, let v): return "(\(op.rawValue)= \(expr(t)) \(expr(v)))"
        case .annotatedAssign(let t, let v): return "(ann \(expr(t))" + (v.map { " " + expr($0) } ?? "") + ")"
        case .functionDef(let f):
            let decorators = f.decorators.isEmpty ? "" : " @(" + f.decorators.map(expr).joined(separator: " ") + ")"
            return "(\(f.isGenerator ? "def*" : "def") \(f.name) \(params(f.parameters))\(decorators) \(block(f.body)))"
        case .classDef(let c):
            let decorators = c.decorators.isEmpty ? "" : " @(" + c.decorators.map(expr).joined(separator: " ") + ")"
            let kws = c.keywords.map { " \($0.0)=\(expr($0.1))" }.joined()
            return "(class \(c.name) (" + c.bases.map(expr).joined(separator: " ") + ")\(kws)\(decorators) \(block(c.body)))"
        case .return(let v): return v.map { "(return \(expr($0)))" } ?? "(return)"
        case .delete(let ts): return "(del " + ts.map(expr).joined(separator: " ") + ")"
        case .if(let test, let body, let orElse):
            return "(if \(expr(test)) \(block(body))" + (orElse.isEmpty ? "" : " \(block(orElse))") + ")"
        case .while(let test, let body, let orElse):
            return "(while \(expr(test)) \(block(body))" + (orElse.isEmpty ? "" : " \(block(orElse))") + ")"
        case .for(let t, let it, let body, let orElse):
            return "(for \(expr(t)) \(expr(it)) \(block(body))" + (orElse.isEmpty ? "" : " \(block(orElse))") + ")"
        case .with(let items, let body):
            let its = items.map { "(" + expr($0.context) + ($0.target.map { " " + expr($0) } ?? "") + ")" }
            return "(with (" + its.joined(separator: " ") + ") \(block(body)))"
        case .raise(let e, let cause):
            return "(raise" + (e.map { " " + expr($0) } ?? "") + (cause.map { " from " + expr($0) } ?? "") + ")"
        case .try(let body, let handlers, let orElse, let finally):
            var parts = ["(try \(block(body))"]
            for h in handlers {
                parts.append("(except" + (h.type.map { " " + expr($0) } ?? "") + (h.name.map { " as \($0)" } ?? "")
                             + " \(block(h.body)))")
            }
            if !orElse.isEmpty { parts.append("(else \(block(orElse)))") }
            if !finally.isEmpty { parts.append("(finally \(block(finally)))") }
            return parts.joined(separator: " ") + ")"
        case .assert(let e, let m): return "(assert \(expr(e))" + (m.map { " " + expr($0) } ?? "") + ")"
        case .import(let names): return "(import " + names.map(importName).joined(separator: " ") + ")"
        case .importFrom(let module, let names, let level):
            return "(from \(String(repeating: ".", count: level))\(module ?? "") " + names.map(importName).joined(separator: " ") + ")"
        case .global(let names): return "(global " + names.joined(separator: " ") + ")"
        case .nonlocal(let names): return "(nonlocal " + names.joined(separator: " ") + ")"
        case .pass: return "pass"
        case .break: return "break"
        case .continue: return "continue"
        }
    }

    static func importName(_ n: ImportName) -> String { n.name + (n.asName.map { ":" + $0 } ?? "") }

    static func params(_ p: Parameters) -> String {
        func one(_ x: Parameter) -> String { x.name + (x.defaultValue.map { "=" + expr($0) } ?? "") }
        var parts = p.positionalOnly.map(one)
        if !p.positionalOnly.isEmpty { parts.append("/") }
        parts += p.regular.map(one)
        if let v = p.varArgs { parts.append("*" + v.name) } else if !p.keywordOnly.isEmpty { parts.append("*") }
        parts += p.keywordOnly.map(one)
        if let k = p.varKeywords { parts.append("**" + k.name) }
        return "(" + parts.joined(separator: " ") + ")"
    }

    static func constant(_ c: Constant) -> String {
        switch c {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .bigInt(let digits): return "big:" + digits
        case .float(let d): return "f:" + String(d)
        case .string(let s): return s.debugDescription
        case .bytes(let b): return "b" + String(decoding: b, as: UTF8.self).debugDescription
        case .ellipsis: return "..."
        }
    }

    static func list(_ tag: String, _ es: [Expr]) -> String {
        "(" + ([tag] + es.map(expr)).joined(separator: " ") + ")"
    }

    static func comprehensions(_ cs: [Comprehension]) -> String {
        cs.map { c in
            "(for \(expr(c.target)) \(expr(c.iterable))" + c.conditions.map { " (if \(expr($0)))" }.joined() + ")"
        }.joined(separator: " ")
    }

    static func fstringParts(_ parts: [FStringPart]) -> String {
        parts.map { part in
            switch part {
            case .literal(let s): return s.debugDescription
            case .replacement(let e, let conversion, let spec, let debugText):
                var s = "{" + expr(e)
                if let debugText { s += " =" + debugText.debugDescription }
                if let conversion { s += " !" + String(conversion) }
                if let spec { s += " :(" + fstringParts(spec) + ")" }
                return s + "}"
            }
        }.joined(separator: " ")
    }

    static func expr(_ e: Expr) -> String {
        switch e.kind {
        case .name(let n): return n
        case .constant(let c): return constant(c)
        case .formattedString(let parts): return "(f " + fstringParts(parts) + ")"
        case .unary(let op, let x):
            let name = op == .negate ? "neg" : op == .plus ? "pos" : op == .invert ? "~" : "not"
            return "(\(name) \(expr(x)))"
        case .binary(let op, let a, let b): return "(\(op.rawValue) \(expr(a)) \(expr(b)))"
        case .boolean(let op, let xs): return list(op.rawValue, xs)
        case .compare(let first, let rest):
            return "(cmp \(expr(first))" + rest.map { " \($0.0.rawValue) \(expr($0.1))" }.joined() + ")"
        case .conditional(let test, let body, let orElse): return "(if \(expr(test)) \(expr(body)) \(expr(orElse)))"
        case .lambda(let p, let body): return "(lambda \(params(p)) \(expr(body)))"
        case .namedExpression(let t, let v): return "(:= \(t) \(expr(v)))"
        case .call(let f, let args):
            let a = args.map { arg -> String in
                switch arg {
                case .positional(let x): return expr(x)
                case .star(let x): return "(* \(expr(x)))"
                case .keyword(let k, let x, _): return "\(k)=\(expr(x))"
                case .doubleStar(let x): return "(** \(expr(x)))"
                }
            }
            return "(call " + ([expr(f)] + a).joined(separator: " ") + ")"
        case .attribute(let x, let name): return "(. \(expr(x)) \(name))"
        case .subscript(let x, let index): return "([] \(expr(x)) \(expr(index)))"
        case .slice(let l, let u, let s):
            return "(slice \(l.map(expr) ?? "_") \(u.map(expr) ?? "_") \(s.map(expr) ?? "_"))"
        case .list(let xs): return list("list", xs)
        case .tuple(let xs): return list("tuple", xs)
        case .set(let xs): return list("set", xs)
        case .dict(let items):
            let parts = items.map { item -> String in
                switch item {
                case .pair(let k, let v): return "(\(expr(k)) \(expr(v)))"
                case .unpack(let x): return "(** \(expr(x)))"
                }
            }
            return "(" + (["dict"] + parts).joined(separator: " ") + ")"
        case .listComprehension(let x, let cs): return "(listcomp \(expr(x)) \(comprehensions(cs)))"
        case .setComprehension(let x, let cs): return "(setcomp \(expr(x)) \(comprehensions(cs)))"
        case .dictComprehension(let k, let v, let cs): return "(dictcomp \(expr(k)) \(expr(v)) \(comprehensions(cs)))"
        case .generator(let x, let cs): return "(genexp \(expr(x)) \(comprehensions(cs)))"
        case .starred(let x): return "(* \(expr(x)))"
        case .yield(let x): return x.map { "(yield \(expr($0)))" } ?? "(yield)"
        case .yieldFrom(let x): return "(yield-from \(expr(x)))"
        }
    }
}
