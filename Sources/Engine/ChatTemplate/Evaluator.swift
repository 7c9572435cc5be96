/// Expression evaluation with jinja2's semantics: Python operators, undefined
/// values that print as nothing but raise when used, and jinja2's
/// attribute/item lookup rules.
extension Interpreter {
    func evaluate(_ expr: Expr, _ scope: Scope) throws -> JinjaValue {
        do {
            return try evaluateUnlocated(expr, scope)
        } catch let e as TemplateError {
            throw e.located(expr.span)
        }
    }

    private func evaluateUnlocated(_ expr: Expr, _ scope: Scope) throws -> JinjaValue {
        switch expr {
        case let .literal(v, _):
            return v
        case let .name(n, _):
            return scope.lookup(n) ?? .undefined("'\(n)' is undefined")
        case let .list(items, _):
            return .list(try items.map { try evaluate($0, scope) })
        case let .tuple(items, _):
            return .tuple(try items.map { try evaluate($0, scope) })
        case let .dict(pairs, _):
            var d = JinjaDict()
            for (k, v) in pairs { d[try evaluate(k, scope)] = try evaluate(v, scope) }
            return .dict(d)
        case let .unary(op, operand, span):
            let v = try evaluate(operand, scope)
            switch op {
            case "not": return .bool(!v.isTruthy)
            case "-":
                switch v {
                case let .int(i): return .int(-i)
                case let .bool(b): return .int(b ? -1 : 0)
                case let .float(f): return .float(-f)
                case let .undefined(m): throw TemplateError.runtime(m, span)
                default: throw TemplateError.runtime("bad operand type for unary -: '\(v.typeName)'", span)
                }
            default:
                if case let .undefined(m) = v { throw TemplateError.runtime(m, span) }
                guard v.numericValue != nil else { throw TemplateError.runtime("bad operand type for unary +: '\(v.typeName)'", span) }
                return v
            }
        case let .binary(op, lhs, rhs, span):
            let a = try evaluate(lhs, scope)
            switch op {
            case "and": return a.isTruthy ? try evaluate(rhs, scope) : a
            case "or": return a.isTruthy ? a : try evaluate(rhs, scope)
            default: return try binaryOperation(op, a, try evaluate(rhs, scope), span)
            }
        case let .compare(first, ops, span):
            var left = try evaluate(first, scope)
            for (op, rhsExpr) in ops {
                let right = try evaluate(rhsExpr, scope)
                if !(try compare(op, left, right, span)) { return .bool(false) }
                left = right
            }
            return .bool(true)
        case let .attribute(objExpr, name, span):
            return try getAttribute(try evaluate(objExpr, scope), name, span)
        case let .item(objExpr, keyExpr, span):
            let obj = try evaluate(objExpr, scope)
            if case let .slice(a, b, c, _) = keyExpr {
                return try slice(obj, try a.map { try evaluate($0, scope) }, try b.map { try evaluate($0, scope) },
                                 try c.map { try evaluate($0, scope) }, span)
            }
            return try getItem(obj, try evaluate(keyExpr, scope), span)
        case let .slice(_, _, _, span):
            throw TemplateError.syntax("a slice is only allowed inside [ ]", span)
        case let .call(calleeExpr, args, span):
            let callee = try evaluate(calleeExpr, scope)
            return try invoke(callee, try evaluateArguments(args, scope), span)
        case let .filter(valueExpr, name, args, span):
            return try applyFilter(name, to: try evaluate(valueExpr, scope), try evaluateArguments(args, scope), span)
        case let .test(valueExpr, name, args, negated, span):
            let result = try applyTest(name, to: try evaluate(valueExpr, scope), try evaluateArguments(args, scope), span)
            return .bool(result != negated)
        case let .conditional(cond, then, otherwise, _):
            if try evaluate(cond, scope).isTruthy { return try evaluate(then, scope) }
            return try otherwise.map { try evaluate($0, scope) } ?? .undefined("the inline if-expression evaluated to false and no else section was defined.")
        }
    }

    func evaluateArguments(_ args: [Argument], _ scope: Scope) throws -> JinjaArguments {
        var result = JinjaArguments()
        for arg in args {
            let v = try evaluate(arg.value, scope)
            switch arg.kind {
            case .positional: result.positional.append(v)
            case let .keyword(k): result.keywords.append((k, v))
            case .star: result.positional += try v.iterate(arg.value.span)
            case .starStar:
                guard case let .dict(d) = v else { throw TemplateError.runtime("argument after ** must be a mapping", arg.value.span) }
                for e in d.entries { result.keywords.append((e.key.pyStr, e.value)) }
            }
        }
        return result
    }

    // MARK: operators

    func binaryOperation(_ op: String, _ a: JinjaValue, _ b: JinjaValue, _ span: TemplateSpan) throws -> JinjaValue {
        if op == "~" { return .string(a.pyStr + b.pyStr) }
        if case let .undefined(m) = a { throw TemplateError.runtime(m, span) }
        if case let .undefined(m) = b { throw TemplateError.runtime(m, span) }
        let unsupported = TemplateError.runtime("unsupported operand type(s) for \(op): '\(a.typeName)' and '\(b.typeName)'", span)
        switch (op, a, b) {
        case let ("+", .string(x), .string(y)): return .string(x + y)
        case let ("+", .list(x), .list(y)): return .list(x + y)
        case let ("+", .tuple(x), .tuple(y)): return .tuple(x + y)
        case let ("*", .string(s), n), let ("*", n, .string(s)):
            guard let k = n.intValue else { throw unsupported }
            return .string(String(repeating: s, count: max(0, k)))
        case let ("*", .list(l), n), let ("*", n, .list(l)):
            guard let k = n.intValue else { throw unsupported }
            return .list(Array(repeating: l, count: max(0, k)).flatMap { $0 })
        case let ("%", .string(format), args):
            return .string(try percentFormat(format, args, span))
        case ("+", .string, _), ("+", .list, _), ("+", .tuple, _):
            // Python's wording for a sequence concatenated with another type.
            throw TemplateError.runtime("can only concatenate \(a.typeName) (not \"\(b.typeName)\") to \(a.typeName)", span)
        default: break
        }
        if let x = a.intValue, let y = b.intValue {
            switch op {
            case "+": return try checked(x.addingReportingOverflow(y), span)
            case "-": return try checked(x.subtractingReportingOverflow(y), span)
            case "*": return try checked(x.multipliedReportingOverflow(by: y), span)
            case "/":
                guard y != 0 else { throw TemplateError.runtime("division by zero", span) }
                return .float(Double(x) / Double(y))
            case "//":
                guard y != 0 else { throw TemplateError.runtime("integer division or modulo by zero", span) }
                let q = x / y
                return .int((x % y != 0 && (x < 0) != (y < 0)) ? q - 1 : q)
            case "%":
                guard y != 0 else { throw TemplateError.runtime("integer division or modulo by zero", span) }
                let r = x % y
                return .int(r != 0 && (r < 0) != (y < 0) ? r + y : r)
            case "**":
                if y < 0 { return .float(pow(Double(x), Double(y))) }
                var result = 1, base = x, e = y
                while e > 0 {
                    if e & 1 == 1 { result = try checkedInt(result.multipliedReportingOverflow(by: base), span) }
                    e >>= 1
                    if e > 0 { base = try checkedInt(base.multipliedReportingOverflow(by: base), span) }
                }
                return .int(result)
            default: throw unsupported
            }
        }
        guard let x = a.numericValue, let y = b.numericValue else { throw unsupported }
        switch op {
        case "+": return .float(x + y)
        case "-": return .float(x - y)
        case "*": return .float(x * y)
        case "/":
            guard y != 0 else { throw TemplateError.runtime("float division by zero", span) }
            return .float(x / y)
        case "//":
            guard y != 0 else { throw TemplateError.runtime("float floor division by zero", span) }
            return .float((x / y).rounded(.down))
        case "%":
            guard y != 0 else { throw TemplateError.runtime("float modulo", span) }
            let r = x.truncatingRemainder(dividingBy: y)
            return .float(r != 0 && (r < 0) != (y < 0) ? r + y : r)
        case "**": return .float(pow(x, y))
        default: throw unsupported
        }
    }

    private func checkedInt(_ r: (partialValue: Int, overflow: Bool), _ span: TemplateSpan) throws -> Int {
        if r.overflow { throw TemplateError(.notImplemented, "integers beyond 64 bits", span: span) }
        return r.partialValue
    }

    private func checked(_ r: (partialValue: Int, overflow: Bool), _ span: TemplateSpan) throws -> JinjaValue {
        .int(try checkedInt(r, span))
    }

    func compare(_ op: String, _ a: JinjaValue, _ b: JinjaValue, _ span: TemplateSpan) throws -> Bool {
        switch op {
        case "==": return pyEquals(a, b)
        case "!=": return !pyEquals(a, b)
        case "in": return try contains(b, a, span)
        case "not in": return !(try contains(b, a, span))
        default:
            if case let .undefined(m) = a { throw TemplateError.runtime(m, span) }
            if case let .undefined(m) = b { throw TemplateError.runtime(m, span) }
            let fail = TemplateError.runtime("'\(op)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'", span)
            switch op {
            case "<": guard let r = pyLess(a, b) else { throw fail }; return r
            case ">": guard let r = pyLess(b, a) else { throw fail }; return r
            case "<=": guard let r = pyLess(b, a) else { throw fail }; return !r
            default: guard let r = pyLess(a, b) else { throw fail }; return !r
            }
        }
    }

    /// Python's `needle in container`.
    func contains(_ container: JinjaValue, _ needle: JinjaValue, _ span: TemplateSpan) throws -> Bool {
        switch container {
        case let .string(s):
            guard case let .string(n) = needle else {
                throw TemplateError.runtime("'in <string>' requires string as left operand, not \(needle.typeName)", span)
            }
            return scalarIndex(of: n, in: s) != nil
        case let .list(l), let .tuple(l): return l.contains { pyEquals($0, needle) }
        case let .dict(d): return d[needle] != nil
        case .undefined: return false
        case let .namespace(ns): return ns.attributes[needle] != nil
        default: throw TemplateError.runtime("argument of type '\(container.typeName)' is not iterable", span)
        }
    }
}

import Foundation
