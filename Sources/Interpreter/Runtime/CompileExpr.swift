import BigInt

/// Compiles the AST once into a tree of Swift closures: each expression becomes an
/// `(Frame) throws -> Value`, each statement an `(Frame) throws -> Flow`. Names are
/// resolved here (locals to slots, captured variables to cells), so running code never
/// looks a local up by name, and operator fast paths for ints and floats are inlined.
final class Compiler {
    let file: SourceFile
    var scope: CompileScope

    init(file: SourceFile, scope: CompileScope) {
        self.file = file
        self.scope = scope
    }

    // MARK: Names

    /// `caret`: where a NameError surfaces (the name in the source), for tracebacks.
    func load(_ name: String, caret: CaretLocation? = nil) -> ExprCode {
        switch scope.resolve(name) {
        case .slot(let i):
            return { f in
                if let v = f.slots[i] { return v }
                throw PyError(T.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
            }
        case .cell(let i):
            return { f in
                if let v = f.cells[i].value { return v }
                throw PyError(T.nameError, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
            }
        case .global(let n):
            let site = GlobalSite(n)
            return { f in
                if let v = site.load(f) { return v }
                throw PyError.nameError("name '\(n)' is not defined").surfaced(at: caret, in: f)
            }
        case .classLocal(let n):
            return { f in
                if let v = f.classNamespace?.values[n] { return v }
                if let v = f.globals[n] { return v }
                if let v = f.rt.builtins[n] { return v }
                throw PyError.nameError("name '\(n)' is not defined").surfaced(at: caret, in: f)
            }
        case .slotCell(let i):
            return { f in
                if case .object(let o)?? = f.slots[i], let c = o as? Cell, let v = c.value { return v }
                throw PyError(T.nameError, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
            }
        }
    }

    typealias StoreCode = (Frame, Value) throws -> Void

    func store(_ name: String) -> StoreCode {
        switch scope.resolve(name) {
        case .slot(let i): return { f, v in f.slots[i] = v }
        case .cell(let i): return { f, v in f.cells[i].value = v }
        case .global(let n):
            let site = GlobalSite(n)
            return { f, v in site.cell(f.globals).value = v }
        case .classLocal(let n): return { f, v in f.classNamespace?.set(n, v) }
        case .slotCell(let i):
            return { f, v in
                if case .object(let o)?? = f.slots[i], let c = o as? Cell { c.value = v }
            }
        }
    }

    func delete(_ name: String) -> (Frame) throws -> Void {
        switch scope.resolve(name) {
        case .slot(let i):
            return { f in
                if f.slots[i] == nil {
                    throw PyError(T.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
                }
                f.slots[i] = nil
            }
        case .cell(let i): return { f in f.cells[i].value = nil }
        case .global(let n):
            return { f in
                if f.globals.removeValue(forKey: n) == nil { throw PyError.nameError("name '\(n)' is not defined") }
            }
        case .classLocal(let n):
            return { f in
                if f.classNamespace?.values.removeValue(forKey: n) == nil { throw PyError.nameError("name '\(n)' is not defined") }
            }
        case .slotCell(let i):
            return { f in
                if case .object(let o)?? = f.slots[i], let c = o as? Cell { c.value = nil }
            }
        }
    }

    // MARK: Expressions

    func expr(_ e: Expr) throws -> ExprCode {
        switch e.kind {
        case .name(let n): return load(n, caret: CaretLocation(e))
        case .constant(let c):
            let v = try constant(c)
            return { _ in v }
        case .formattedString(let parts): return try fstring(parts)
        case .unary(let op, let a):
            let x = try expr(a)
            if op == .not { return { f in .bool(!(try f.rt.truthy(x(f)))) } }
            if op == .negate {
                return located(e) { f in
                    let v = try x(f)
                    if case .int(let i) = v, i != Int.min { return .int(-i) }
                    if case .float(let d) = v { return .float(-d) }
                    return try f.rt.unary(.negate, v)
                }
            }
            return located(e) { f in try f.rt.unary(op, x(f)) }
        case .binary(let op, let a, let b): return try binary(op, expr(a), expr(b), caret: CaretLocation(e))
        case .boolean(let op, let items):
            let codes = try items.map(expr)
            if op == .and {
                return { f in
                    var v: Value = .none
                    for c in codes {
                        v = try c(f)
                        if !(try f.rt.truthy(v)) { return v }
                    }
                    return v
                }
            }
            return { f in
                var v: Value = .none
                for c in codes {
                    v = try c(f)
                    if try f.rt.truthy(v) { return v }
                }
                return v
            }
        case .compare(let first, let rest): return try compare(first, rest, caret: CaretLocation(e))
        case .conditional(let test, let body, let orElse):
            let t = try expr(test), b = try expr(body), o = try expr(orElse)
            return { f in try f.rt.truthy(t(f)) ? try b(f) : try o(f) }
        case .lambda(let params, let body):
            return try function(name: "<lambda>", parameters: params, body: [Stmt(.return(body), body.span)],
                                docstring: nil, isGenerator: containsYield(body), span: e.span)
        case .namedExpression(let target, let value):
            let v = try expr(value)
            let s = namedStore(target)
            return { f in
                let x = try v(f)
                try s(f, x)
                return x
            }
        case .call(let callee, let args):
            if case .attribute = callee.kind { return locatedMethodCall(e, callee: callee, try call(callee, args)) }
            return located(e, try call(callee, args))
        case .attribute(let obj, let name):
            let o = try expr(obj)
            let site = AttributeSite(name), caret = CaretLocation(e)
            return { f in
                do { return try site.load(f.rt, o(f)) } catch let error as PyError { throw error.surfaced(at: caret, in: f) }
            }
        case .subscript(let obj, let index):
            let o = try expr(obj), i = try expr(index)
            let caret = CaretLocation(e)
            return { f in
                let container = try o(f)
                let key = try i(f)
                if case .object(let co) = container, let l = co as? PyList, case .int(let n) = key, !co.cls.isUserDefined {
                    let j = n < 0 ? n + l.items.count : n
                    if j >= 0 && j < l.items.count { return l.items[j] }
                }
                do { return try f.rt.getItem(container, key) } catch let error as PyError { throw error.surfaced(at: caret, in: f) }
            }
        case .slice(let lower, let upper, let step):
            let l = try lower.map(expr), u = try upper.map(expr), s = try step.map(expr)
            return { f in .object(PySlice(try l?(f) ?? .none, try u?(f) ?? .none, try s?(f) ?? .none)) }
        case .list(let items):
            let build = try sequence(items)
            return { f in .object(PyList(try build(f))) }
        case .tuple(let items):
            let build = try sequence(items)
            return { f in .object(PyTuple(try build(f))) }
        case .set(let items):
            let build = try sequence(items)
            return { f in .object(try f.rt.makeSet(build(f))) }
        case .dict(let items): return try dict(items)
        case .listComprehension(let el, let clauses):
            return try comprehension(clauses, elements: [el]) { c in
                let v = try c.expr(el)
                return { f, sink in
                    let out = PyList()
                    try sink(f) { out.items.append(try v(f)) }
                    return .object(out)
                }
            }
        case .setComprehension(let el, let clauses):
            return try comprehension(clauses, elements: [el]) { c in
                let v = try c.expr(el)
                return { f, sink in
                    let out = PySet()
                    try sink(f) { out.table.set(try f.rt.hashKey(v(f)), .none) }
                    return .object(out)
                }
            }
        case .dictComprehension(let key, let value, let clauses):
            return try comprehension(clauses, elements: [key, value]) { c in
                let k = try c.expr(key), v = try c.expr(value)
                return { f, sink in
                    let out = PyDict()
                    try sink(f) {
                        let kv = try k(f)
                        out.set(try f.rt.hashKey(kv), try v(f))
                    }
                    return .object(out)
                }
            }
        case .generator(let el, let clauses): return try generatorExpression(el, clauses)
        case .starred:
            throw SyntaxError(.syntaxError, "can't use starred expression here", at: e.span, in: file)
        case .yield(let value):
            let v = try value.map(expr)
            return { f in
                guard let g = f.generator else { throw PyError.runtimeError("yield outside a generator") }
                return try g.yield(v?(f) ?? .none)
            }
        case .yieldFrom(let value):
            let v = try expr(value)
            return { f in
                guard let g = f.generator else { throw PyError.runtimeError("yield outside a generator") }
                return try g.yieldFrom(v(f))
            }
        }
    }

    /// A walrus target binds in the enclosing function even inside a comprehension.
    private func namedStore(_ name: String) -> StoreCode {
        let saved = scope.comprehensionScopes
        scope.comprehensionScopes = []
        defer { scope.comprehensionScopes = saved }
        return store(name)
    }

    func constant(_ c: Constant) throws -> Value {
        switch c {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .bigInt(let digits):
            guard let b = BigInt(digits) else { throw PyError.valueError("invalid integer literal \(digits)") }
            return .bigint(b)
        case .float(let d): return .float(d)
        case .string(let s): return .str(s)
        case .bytes(let b): return .object(PyBytes(b))
        case .ellipsis: return .object(T.ellipsis)
        }
    }

    /// The operands' own errors surface inside them; the operator's at `caret` (its slow path).
    private func binary(_ op: BinaryOperator, _ l: @escaping ExprCode, _ r: @escaping ExprCode, caret: CaretLocation) -> ExprCode {
        func slow(_ f: Frame, _ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
            do { return try f.rt.binary(op, a, b) } catch let error as PyError { throw error.surfaced(at: caret, in: f) }
        }
        switch op {
        case .add:
            return { f in
                let a = try l(f), b = try r(f)
                if case .int(let x) = a, case .int(let y) = b {
                    let (s, o) = x.addingReportingOverflow(y)
                    if !o { return .int(s) }
                } else if case .float(let x) = a, case .float(let y) = b {
                    return .float(x + y)
                }
                return try slow(f, .add, a, b)
            }
        case .subtract:
            return { f in
                let a = try l(f), b = try r(f)
                if case .int(let x) = a, case .int(let y) = b {
                    let (s, o) = x.subtractingReportingOverflow(y)
                    if !o { return .int(s) }
                } else if case .float(let x) = a, case .float(let y) = b {
                    return .float(x - y)
                }
                return try slow(f, .subtract, a, b)
            }
        case .multiply:
            return { f in
                let a = try l(f), b = try r(f)
                if case .int(let x) = a, case .int(let y) = b {
                    let (s, o) = x.multipliedReportingOverflow(by: y)
                    if !o { return .int(s) }
                } else if case .float(let x) = a, case .float(let y) = b {
                    return .float(x * y)
                }
                return try slow(f, .multiply, a, b)
            }
        case .modulo:
            return { f in
                let a = try l(f), b = try r(f)
                if case .int(let x) = a, case .int(let y) = b, y > 0 {
                    let m = x % y
                    return .int(m < 0 ? m + y : m)
                }
                return try slow(f, .modulo, a, b)
            }
        default:
            return { f in
                let a = try l(f), b = try r(f)
                return try slow(f, op, a, b)
            }
        }
    }

    /// The operands' own errors surface inside them; a comparison's at `caret`.
    private func compare(_ first: Expr, _ rest: [(CompareOperator, Expr)], caret: CaretLocation) throws -> ExprCode {
        func compared(_ f: Frame, _ op: CompareOperator, _ x: Value, _ y: Value) throws -> Value {
            do { return try f.rt.compare(op, x, y) } catch let error as PyError { throw error.surfaced(at: caret, in: f) }
        }
        let a = try expr(first)
        if rest.count == 1 {
            let (op, second) = rest[0]
            let b = try expr(second)
            switch op {
            case .less:
                return { f in
                    let x = try a(f), y = try b(f)
                    if case .int(let i) = x, case .int(let j) = y { return .bool(i < j) }
                    return try compared(f, .less, x, y)
                }
            case .equal:
                return { f in
                    let x = try a(f), y = try b(f)
                    if case .int(let i) = x, case .int(let j) = y { return .bool(i == j) }
                    return try compared(f, .equal, x, y)
                }
            default:
                return { f in
                    let x = try a(f), y = try b(f)
                    return try compared(f, op, x, y)
                }
            }
        }
        let ops = rest.map(\.0)
        let codes = try rest.map { try expr($0.1) }
        return { f in
            var left = try a(f)
            var result: Value = .bool(true)
            for i in 0..<ops.count {
                let right = try codes[i](f)
                result = try compared(f, ops[i], left, right)
                if !(try f.rt.truthy(result)) { return result }
                left = right
            }
            return result
        }
    }

    /// Elements of a display, expanding `*x`.
    func sequence(_ items: [Expr]) throws -> (Frame) throws -> [Value] {
        if !items.contains(where: { if case .starred = $0.kind { return true }; return false }) {
            let codes = try items.map(expr)
            return { f in
                var out: [Value] = []
                out.reserveCapacity(codes.count)
                for c in codes { out.append(try c(f)) }
                return out
            }
        }
        let parts: [(Bool, ExprCode)] = try items.map { item in
            if case .starred(let inner) = item.kind { return (true, try expr(inner)) }
            return (false, try expr(item))
        }
        return { f in
            var out: [Value] = []
            for (starred, c) in parts {
                if starred { out.append(contentsOf: try f.rt.iterate(c(f))) } else { out.append(try c(f)) }
            }
            return out
        }
    }

    private func dict(_ items: [DictItem]) throws -> ExprCode {
        let parts: [(ExprCode?, ExprCode)] = try items.map { item in
            switch item {
            case .pair(let k, let v): return (try expr(k), try expr(v))
            case .unpack(let x): return (nil, try expr(x))
            }
        }
        return { f in
            let d = PyDict()
            for (k, v) in parts {
                if let k = k {
                    let key = try k(f)
                    d.set(try f.rt.hashKey(key), try v(f))
                } else {
                    let other = try v(f)
                    try f.rt.mergeInto(d, other)
                }
            }
            return .object(d)
        }
    }

    /// An f-string: each part becomes a closure appending UTF-8 bytes to one buffer, turned
    /// into a string once at the end (cheaper than growing a `String` piece by piece).
    func fstring(_ parts: [FStringPart]) throws -> ExprCode {
        typealias Emit = (Frame, inout [UInt8]) throws -> Void
        var sizeHint = 0
        let emitters: [Emit] = try parts.map { part in
            switch part {
            case .literal(let s):
                let bytes = Array(s.utf8)
                sizeHint += bytes.count
                return { _, out in out.append(contentsOf: bytes) }
            case .replacement(let e, let conversion, let spec, let debug):
                sizeHint += 8
                let code = try expr(e)
                let debugBytes = debug.map { Array($0.utf8) }
                // `f"{x=}"` shows the repr unless a conversion or spec says otherwise.
                let conv = conversion ?? (debug != nil && spec == nil ? "r" : nil)
                let convert: (Frame, Value) throws -> Value = { f, v in
                    switch conv {
                    case "r": return .str(try f.rt.repr(v))
                    case "s": return .str(try f.rt.str(v))
                    case "a": return .str(try f.rt.ascii(v))
                    default: return v
                    }
                }
                if let spec = spec, !spec.isEmpty, let text = Compiler.constantText(spec),
                   let parsed = try? FormatSpec(text) {
                    // A spec without replacement fields is parsed once, here.
                    return { f, out in
                        let v = try code(f)
                        if let d = debugBytes { out.append(contentsOf: d) }
                        out.append(contentsOf: try f.rt.format(convert(f, v), text, parsed: parsed).utf8)
                    }
                }
                let specCode = try spec.map(fstring)
                return { f, out in
                    let raw = try code(f)
                    if let d = debugBytes { out.append(contentsOf: d) }
                    let v = try convert(f, raw)
                    let spec = try specCode.map { try f.rt.str($0(f)) } ?? ""
                    // Only an exact str skips `format()`: a subclass's `__str__`/`__format__` must run.
                    if spec.isEmpty, case .object(let o) = v, let s = o as? PyStr, !o.cls.isUserDefined {
                        out.append(contentsOf: s.value.utf8)
                    } else if spec.isEmpty, case .int(let i) = v {
                        out.append(contentsOf: String(i).utf8)
                    } else {
                        out.append(contentsOf: try f.rt.format(v, spec).utf8)
                    }
                }
            }
        }
        let hint = sizeHint
        return { f in
            var out: [UInt8] = []
            out.reserveCapacity(hint)
            for e in emitters { try e(f, &out) }
            return .str(String(decoding: out, as: UTF8.self))
        }
    }

    /// The text of a format spec made only of literal parts (nil when it has fields).
    static func constantText(_ parts: [FStringPart]) -> String? {
        var text = ""
        for p in parts {
            guard case .literal(let s) = p else { return nil }
            text += s
        }
        return text
    }

    func containsYield(_ e: Expr) -> Bool {
        var found = false
        func visit(_ e: Expr) {
            if found { return }
            switch e.kind {
            case .yield, .yieldFrom: found = true
            case .unary(_, let a), .attribute(let a, _), .starred(let a): visit(a)
            case .binary(_, let a, let b), .subscript(let a, let b): visit(a); visit(b)
            case .conditional(let a, let b, let c): visit(a); visit(b); visit(c)
            case .boolean(_, let xs), .list(let xs), .tuple(let xs), .set(let xs): xs.forEach(visit)
            case .call(let c, let args):
                visit(c)
                for a in args {
                    switch a {
                    case .positional(let x), .star(let x), .doubleStar(let x), .keyword(_, let x, _): visit(x)
                    }
                }
            default: break
            }
        }
        visit(e)
        return found
    }

    // MARK: Assignment targets

    func target(_ e: Expr) throws -> StoreCode {
        switch e.kind {
        case .name(let n): return store(n)
        case .attribute(let obj, let name):
            let o = try expr(obj)
            let site = AttributeSite(name), caret = CaretLocation(e)
            return { f, v in
                do { try site.store(f.rt, o(f), v) } catch let error as PyError { throw error.surfaced(at: caret, in: f) }
            }
        case .subscript(let obj, let index):
            let o = try expr(obj), i = try expr(index)
            let caret = CaretLocation(e)
            return { f, v in
                let container = try o(f)
                let key = try i(f)
                if case .object(let co) = container, let l = co as? PyList, case .int(let n) = key, !co.cls.isUserDefined,
                   n >= 0 && n < l.items.count {
                    l.items[n] = v
                    return
                }
                do { try f.rt.setItem(container, key, v) } catch let error as PyError { throw error.surfaced(at: caret, in: f) }
            }
        case .tuple(let items), .list(let items):
            let starIndex = items.firstIndex { if case .starred = $0.kind { return true }; return false }
            let stores: [StoreCode] = try items.map { item in
                if case .starred(let inner) = item.kind { return try target(inner) }
                return try target(item)
            }
            let n = items.count
            if let star = starIndex {
                return locatedStore(e) { f, v in
                    let values = try f.rt.unpackIterable(v)
                    guard values.count >= n - 1 else {
                        throw PyError.valueError("not enough values to unpack (expected at least \(n - 1), got \(values.count))")
                    }
                    for i in 0..<star { try stores[i](f, values[i]) }
                    let restCount = values.count - (n - 1)
                    try stores[star](f, .object(PyList(Array(values[star..<(star + restCount)]))))
                    for i in (star + 1)..<n { try stores[i](f, values[restCount + i - 1]) }
                }
            }
            return locatedStore(e) { f, v in
                let values: [Value]
                if case .object(let o) = v, let t = o as? PyTuple, !o.cls.isUserDefined { values = t.items }
                else { values = try f.rt.unpackIterable(v) }
                if values.count != n {
                    if values.count > n { throw PyError.valueError("too many values to unpack (expected \(n))") }
                    throw PyError.valueError("not enough values to unpack (expected \(n), got \(values.count))")
                }
                for i in 0..<n { try stores[i](f, values[i]) }
            }
        case .starred:
            throw SyntaxError(.syntaxError, "starred assignment target must be in a list or tuple", at: e.span, in: file)
        default:
            throw SyntaxError(.syntaxError, "cannot assign to expression", at: e.span, in: file)
        }
    }
}

extension Interpreter {
    func unpackIterable(_ v: Value) throws -> [Value] {
        do {
            return try iterate(v)
        } catch let e as PyError where e.exception.cls === T.typeError && (try? str(.object(e.exception)))?.hasSuffix("is not iterable") == true {
            throw PyError.typeError("cannot unpack non-iterable \(typeName(v)) object")
        }
    }

    /// `{**other}` and `dict.update(other)`.
    func mergeInto(_ d: PyDict, _ other: Value) throws {
        if case .object(let o) = other, let src = o as? PyDict {
            for (k, v) in src.table.entries { d.set(try hashKey(k), v) }
            return
        }
        if case .object(let o) = other, o.cls.lookup("keys") != nil {
            for k in try iterate(try callMethod(other, "keys", [])) {
                d.set(try hashKey(k), try getItem(other, k))
            }
            return
        }
        throw PyError.typeError("'\(typeName(other))' object is not a mapping")
    }
}
