/// Calls, function definitions and comprehensions.
extension Compiler {
    func call(_ callee: Expr, _ args: [Argument]) throws -> ExprCode {
        // Zero-argument super(): the class that defines the running method, and its first argument.
        if case .name("super") = callee.kind, args.isEmpty, scope.kind == .function {
            return { f in
                guard let owner = f.function?.ownerClass, let first = f.firstSlot else {
                    throw PyError.runtimeError("super(): no arguments")
                }
                return .object(PySuper(start: owner, receiver: first))
            }
        }
        let simple = args.allSatisfy { if case .positional = $0 { return true }; return false }
        if simple {
            let argCodes: [ExprCode] = try args.compactMap { if case .positional(let e) = $0 { return try expr(e) }; return nil }
            if case .attribute(let objExpr, let name) = callee.kind, case .call(let inner, let innerArgs) = objExpr.kind,
               case .name("super") = inner.kind, innerArgs.isEmpty, scope.kind == .function {
                // `super().name(args)`: no super object or bound method is allocated.
                let site = SuperSite(name)
                let argc = argCodes.count + 1
                return { f in
                    guard let owner = f.function?.ownerClass, let first = f.firstSlot else {
                        throw PyError.runtimeError("super(): no arguments")
                    }
                    if case .object(let ro) = first, let fn = site.method(owner, ro), fn.code.directArgCount == argc {
                        let frame = f.rt.newFrame(fn)
                        frame.slots[0] = first
                        for i in 0..<argCodes.count { frame.slots[i + 1] = try argCodes[i](f) }
                        return try f.rt.run(fn, frame)
                    }
                    var values: [Value] = [first]
                    values.reserveCapacity(argCodes.count + 1)
                    for c in argCodes { values.append(try c(f)) }
                    return try f.rt.callSuperMethod(owner, name, values)
                }
            }
            if case .attribute(let objExpr, let name) = callee.kind {
                return methodCall(try expr(objExpr), name, argCodes)
            }
            let c = try expr(callee)
            switch argCodes.count {
            case 0:
                return { f in
                    let fn = try c(f)
                    if case .object(let o) = fn, let pf = o as? PyFunction, pf.code.directArgCount == 0 {
                        return try f.rt.run(pf, f.rt.newFrame(pf))
                    }
                    return try f.rt.call(fn, [])
                }
            case 1:
                let a0 = argCodes[0]
                return { f in
                    let fn = try c(f)
                    if case .object(let o) = fn {
                        if let pf = o as? PyFunction, pf.code.directArgCount == 1 {
                            let frame = f.rt.newFrame(pf)
                            frame.slots[0] = try a0(f)
                            return try f.rt.run(pf, frame)
                        }
                        if let b = o as? PyBuiltin, case .one(let direct)? = b.fast(1) { return try direct(f.rt, a0(f)) }
                    }
                    return try f.rt.call(fn, [a0(f)])
                }
            case 2:
                let a0 = argCodes[0], a1 = argCodes[1]
                return { f in
                    let fn = try c(f)
                    if case .object(let o) = fn, let pf = o as? PyFunction, pf.code.directArgCount == 2 {
                        let frame = f.rt.newFrame(pf)
                        frame.slots[0] = try a0(f)
                        frame.slots[1] = try a1(f)
                        return try f.rt.run(pf, frame)
                    }
                    let x = try a0(f)
                    return try f.rt.call(fn, [x, a1(f)])
                }
            default:
                return { f in
                    let fn = try c(f)
                    var values: [Value] = []
                    values.reserveCapacity(argCodes.count)
                    for a in argCodes { values.append(try a(f)) }
                    return try f.rt.call(fn, values)
                }
            }
        }
        enum ArgCode {
            case positional(ExprCode), star(ExprCode), keyword(String, ExprCode), doubleStar(ExprCode)
        }
        let codes: [ArgCode] = try args.map { a in
            switch a {
            case .positional(let e): return .positional(try expr(e))
            case .star(let e): return .star(try expr(e))
            case .keyword(let n, let e, _): return .keyword(n, try expr(e))
            case .doubleStar(let e): return .doubleStar(try expr(e))
            }
        }
        var methodObj: ExprCode?
        var methodName = ""
        var calleeCode: ExprCode?
        if case .attribute(let objExpr, let name) = callee.kind {
            methodObj = try expr(objExpr)
            methodName = name
        } else {
            calleeCode = try expr(callee)
        }
        return { f in
            let target: Value
            if let m = methodObj { target = try m(f) } else { target = try calleeCode!(f) }
            var positional: [Value] = []
            var keywords: [(String, Value)] = []
            for a in codes {
                switch a {
                case .positional(let c): positional.append(try c(f))
                case .star(let c): positional.append(contentsOf: try f.rt.iterate(c(f)))
                case .keyword(let n, let c):
                    let v = try c(f)
                    if keywords.contains(where: { $0.0 == n }) {
                        throw PyError.syntaxError("keyword argument repeated: \(n)")
                    }
                    keywords.append((n, v))
                case .doubleStar(let c):
                    let m = try c(f)
                    guard case .object(let o) = m, let d = o as? PyDict else {
                        if case .object(let o) = m, o.cls.lookup("keys") != nil {
                            for k in try f.rt.iterate(f.rt.callMethod(m, "keys", [])) {
                                keywords.append((try f.rt.toStr(k, "keywords"), try f.rt.getItem(m, k)))
                            }
                            continue
                        }
                        throw PyError.typeError("argument after ** must be a mapping, not \(typeName(m))")
                    }
                    for (k, v) in d.table.entries {
                        guard case .object(let ko) = k, let ks = ko as? PyStr else {
                            throw PyError.typeError("keywords must be strings")
                        }
                        if keywords.contains(where: { $0.0 == ks.value }) {
                            throw PyError.typeError("got multiple values for keyword argument '\(ks.value)'")
                        }
                        keywords.append((ks.value, v))
                    }
                }
            }
            if methodObj != nil { return try f.rt.callMethod(target, methodName, positional, keywords) }
            return try f.rt.call(target, positional, keywords)
        }
    }

    /// `obj.name(args)` with positional arguments. A plain function found on the receiver's
    /// class (through the site's cache) gets its arguments evaluated straight into its new
    /// frame: no bound method and no argument array. The method is resolved before the
    /// arguments are evaluated, as in CPython.
    func methodCall(_ o: @escaping ExprCode, _ name: String, _ argCodes: [ExprCode]) -> ExprCode {
        let site = AttributeSite(name)
        let argc = argCodes.count + 1
        let receiverAndArguments: (Frame, Value) throws -> [Value] = { f, obj in
            var values: [Value] = [obj]
            values.reserveCapacity(argc)
            for c in argCodes { values.append(try c(f)) }
            return values
        }
        let slow: (Frame, Value) throws -> Value = { f, obj in
            try f.rt.callMethod(receiverFirst: receiverAndArguments(f, obj), name)
        }
        let builtinCall: (Frame, Value, PyBuiltin) throws -> Value = { f, obj, b in
            try f.rt.callBuiltin(b, receiverAndArguments(f, obj), [])
        }
        switch argCodes.count {
        case 0:
            return { f in
                let obj = try o(f)
                if case .object(let ob) = obj {
                    if let fn = site.method(ob), fn.code.directArgCount == 1 {
                        let frame = f.rt.newFrame(fn)
                        frame.slots[0] = obj
                        return try f.rt.run(fn, frame)
                    }
                    if let b = site.builtinMethod(ob) { return try f.rt.callBuiltin(b, [obj], []) }
                }
                return try slow(f, obj)
            }
        case 1:
            let a0 = argCodes[0]
            return { f in
                let obj = try o(f)
                if case .object(let ob) = obj {
                    if let fn = site.method(ob), fn.code.directArgCount == 2 {
                        let frame = f.rt.newFrame(fn)
                        frame.slots[0] = obj
                        frame.slots[1] = try a0(f)
                        return try f.rt.run(fn, frame)
                    }
                    if let b = site.builtinMethod(ob) {
                        if case .two(let direct)? = b.fast(2) { return try direct(f.rt, obj, a0(f)) }
                        return try builtinCall(f, obj, b)
                    }
                }
                return try slow(f, obj)
            }
        default:
            return { f in
                let obj = try o(f)
                if case .object(let ob) = obj {
                    if let fn = site.method(ob), fn.code.directArgCount == argc {
                        let frame = f.rt.newFrame(fn)
                        frame.slots[0] = obj
                        for i in 0..<argCodes.count { frame.slots[i + 1] = try argCodes[i](f) }
                        return try f.rt.run(fn, frame)
                    }
                    if let b = site.builtinMethod(ob) {
                        if argc == 3, case .three(let direct)? = b.fast(3) {
                            let x = try argCodes[0](f)
                            return try direct(f.rt, obj, x, argCodes[1](f))
                        }
                        return try builtinCall(f, obj, b)
                    }
                }
                return try slow(f, obj)
            }
        }
    }

    /// Compiles a `def` or `lambda` body into a code object and returns the code that
    /// creates the function (evaluating defaults) at definition time.
    func function(name: String, parameters p: Parameters, body: [Stmt], docstring: String?, isGenerator: Bool,
                  span: SourceSpan) throws -> ExprCode {
        let code = try compileFunctionCode(name: name, parameters: p, body: body, docstring: docstring,
                                           isGenerator: isGenerator)
        let all = p.positionalOnly + p.regular + p.keywordOnly
        let defaultCodes: [ExprCode?] = try all.map { try $0.defaultValue.map(expr) }
        let closureLoads: [(Frame) throws -> Cell] = try code.freeNames.map { try closureCell($0) }
        let hasDefaults = defaultCodes.contains { $0 != nil }
        return { f in
            var defaults: [Value?] = []
            if hasDefaults {
                defaults.reserveCapacity(defaultCodes.count)
                for d in defaultCodes { defaults.append(try d?(f)) }
            } else {
                defaults = [Value?](repeating: nil, count: defaultCodes.count)
            }
            var closure: [Cell] = []
            closure.reserveCapacity(closureLoads.count)
            for c in closureLoads { closure.append(try c(f)) }
            return .object(PyFunction(code: code.code, globals: f.globals, defaults: defaults, closure: closure))
        }
    }

    /// The cell of an enclosing variable, for building a nested function's closure.
    func closureCell(_ name: String) throws -> (Frame) throws -> Cell {
        switch scope.resolve(name) {
        case .cell(let i): return { f in f.cells[i] }
        case .slotCell(let i):
            return { f in
                if case .object(let o)?? = f.slots[i], let c = o as? Cell { return c }
                return Cell()
            }
        default:
            // The analysis guarantees captured names are cells; a miss means a compiler bug.
            throw PyError(T.systemError, "internal error: '\(name)' is captured but not a cell")
        }
    }

    struct CompiledFunction {
        let code: CodeObject
        let freeNames: [String]
    }

    func compileFunctionCode(name: String, parameters p: Parameters, body: [Stmt], docstring: String?,
                             isGenerator: Bool) throws -> CompiledFunction {
        let qualname: String
        switch scope.kind {
        case .module: qualname = name
        case .classBody: qualname = scope.code.qualname + "." + name
        case .function: qualname = scope.code.qualname + ".<locals>." + name
        }
        var sig = Signature(name: qualname, names: (p.positionalOnly + p.regular + p.keywordOnly).map(\.name),
                            positionalOnlyCount: p.positionalOnly.count,
                            positionalCount: p.positionalOnly.count + p.regular.count,
                            keywordOnlyCount: p.keywordOnly.count, hasVarArgs: p.varArgs != nil,
                            hasVarKeywords: p.varKeywords != nil)
        if name == "<lambda>" { sig.name = "<lambda>" }
        let code = CodeObject(name: name, qualname: qualname, file: file, signature: sig,
                              isGenerator: isGenerator, doc: docstring)
        let inner = CompileScope(kind: .function, parent: scope, code: code)
        var collector = NameCollector()
        collector.stmts(body)
        inner.globals = collector.globals
        inner.nonlocals = collector.nonlocals
        let paramNames = NameCollector.parameterNames(p)
        var localNames = paramNames
        for n in collector.assigned where !localNames.contains(n) { localNames.append(n) }
        localNames.removeAll { collector.globals.contains($0) || collector.nonlocals.contains($0) }
        for n in localNames { inner.slots[n] = inner.newSlot() }
        for n in localNames where collector.nestedFree.contains(n) {
            inner.cells[n] = inner.ownCellCount
            inner.ownCellCount += 1
        }
        code.cellCount = inner.ownCellCount
        for (i, n) in paramNames.enumerated() {
            if let c = inner.cells[n] { code.parameterCells.append((slot: i, cell: c)) }
        }
        let saved = scope
        scope = inner
        defer { scope = saved }
        for n in collector.nonlocals where inner.resolve(n).isCell == false {
            throw PyError.syntaxError("no binding for nonlocal '\(n)' found")
        }
        code.body = try block(body)
        return CompiledFunction(code: code, freeNames: inner.freeNames)
    }

    // MARK: Comprehensions

    typealias Sink = (Frame, () throws -> Void) throws -> Void

    /// Compiles the `for`/`if` clauses around a body built by `make` (which gets a
    /// compiler whose scope has the comprehension variables in hidden slots).
    /// Hidden slots for a comprehension's variables; those captured by a lambda inside it
    /// hold a `Cell` (shared by every closure made in the loop, as in CPython).
    func comprehensionNames(_ clauses: [Comprehension], elements: [Expr]) -> ([String: NameRef], [Int]) {
        var uses = NameCollector()
        for e in elements { uses.expr(e) }
        for c in clauses {
            uses.expr(c.iterable)
            for cond in c.conditions { uses.expr(cond) }
        }
        var names: [String: NameRef] = [:]
        var cellSlots: [Int] = []
        for c in clauses {
            var collector = NameCollector()
            collector.target(c.target)
            for n in collector.assigned where names[n] == nil {
                let slot = scope.newSlot()
                if uses.nestedFree.contains(n) {
                    names[n] = .slotCell(slot)
                    cellSlots.append(slot)
                } else {
                    names[n] = .slot(slot)
                }
            }
        }
        return (names, cellSlots)
    }

    func comprehension(_ clauses: [Comprehension], elements: [Expr],
                       _ make: (Compiler) throws -> (Frame, Sink) throws -> Value) throws -> ExprCode {
        let firstIterable = try expr(clauses[0].iterable)
        let (names, cellSlots) = comprehensionNames(clauses, elements: elements)
        scope.comprehensionScopes.append(names)
        defer { scope.comprehensionScopes.removeLast() }
        var loops: [(ExprCode?, StoreCode, [ExprCode])] = []
        for (i, c) in clauses.enumerated() {
            loops.append((i == 0 ? nil : try expr(c.iterable), try target(c.target), try c.conditions.map(expr)))
        }
        let body = try make(self)
        typealias Loop = (Frame, Value, () throws -> Void) throws -> Void
        func nest(_ level: Int) -> Loop {
            let (_, store, conditions) = loops[level]
            let inner: Loop? = level + 1 < loops.count ? nest(level + 1) : nil
            let innerIterable: ExprCode = level + 1 < loops.count ? (loops[level + 1].0 ?? { _ in .none }) : { _ in .none }
            return { f, source, emit in
                let it = try f.rt.getIterator(source)
                next: while let x = try it() {
                    try store(f, x)
                    for c in conditions where !(try f.rt.truthy(c(f))) { continue next }
                    if let inner = inner {
                        try inner(f, try innerIterable(f), emit)
                    } else {
                        try emit()
                    }
                }
            }
        }
        let outer = nest(0)
        return { f in
            let source = try firstIterable(f)
            for s in cellSlots { f.slots[s] = .object(Cell()) }
            return try body(f) { f, emit in try outer(f, source, emit) }
        }
    }

    /// `(x for x in xs)`: a lazy iterator driving the clauses one item at a time,
    /// running in the defining frame (its variables are hidden slots there).
    func generatorExpression(_ element: Expr, _ clauses: [Comprehension]) throws -> ExprCode {
        let firstIterable = try expr(clauses[0].iterable)
        let (names, cellSlots) = comprehensionNames(clauses, elements: [element])
        scope.comprehensionScopes.append(names)
        defer { scope.comprehensionScopes.removeLast() }
        let iterables: [ExprCode?] = try clauses.enumerated().map { i, c in i == 0 ? nil : try expr(c.iterable) }
        let stores = try clauses.map { try target($0.target) }
        let conditions = try clauses.map { try $0.conditions.map(expr) }
        let el = try expr(element)
        let n = clauses.count
        if n == 1 {
            // One `for` clause (the common case): a plain loop over the source iterator.
            let store = stores[0], conds = conditions[0]
            return { f in
                let it = try f.rt.getIterator(firstIterable(f))
                for s in cellSlots { f.slots[s] = .object(Cell()) }
                let finished = IterationPosition(0)
                f.escaped = true
                return .object(PyIterator(cls: T.generatorExpression) {
                    if finished.value != 0 { return nil }
                    next: while let x = try it() {
                        try store(f, x)
                        for c in conds where !(try f.rt.truthy(c(f))) { continue next }
                        return try el(f)
                    }
                    finished.value = 1
                    return nil
                })
            }
        }
        return { f in
            let first = try f.rt.getIterator(firstIterable(f))
            for s in cellSlots { f.slots[s] = .object(Cell()) }
            var iterators: [(() throws -> Value?)?] = [first] + [(() throws -> Value?)?](repeating: nil, count: n - 1)
            var level = 0
            var finished = false
            f.escaped = true
            return .object(PyIterator(cls: T.generatorExpression) {
                if finished { return nil }
                while level >= 0 {
                    guard let it = iterators[level] else {
                        level -= 1
                        continue
                    }
                    guard let x = try it() else {
                        iterators[level] = nil
                        level -= 1
                        continue
                    }
                    try stores[level](f, x)
                    var ok = true
                    for c in conditions[level] where !(try f.rt.truthy(c(f))) {
                        ok = false
                        break
                    }
                    if !ok { continue }
                    if level == n - 1 { return try el(f) }
                    level += 1
                    guard let iterable = iterables[level] else { return nil }
                    iterators[level] = try f.rt.getIterator(iterable(f))
                }
                finished = true
                return nil
            })
        }
    }
}

extension NameRef {
    var isCell: Bool {
        if case .cell = self { return true }
        return false
    }
}

extension PyError {
    static func syntaxError(_ m: String) -> PyError { PyError(T.syntaxError, m) }
}

extension Interpreter {
    /// `super().name(*values[1...])` called from a method of `owner` with receiver `values[0]`.
    func callSuperMethod(_ owner: PyClass, _ name: String, _ values: [Value]) throws -> Value {
        let receiver = values[0]
        let type = typeOf(receiver)
        if case .object(let o) = receiver, !(o is PyClass), let idx = type.mro.firstIndex(where: { $0 === owner }) {
            for c in type.mro[(idx + 1)...] {
                guard let d = c.dict[name] else { continue }
                if case .object(let dobj) = d {
                    if let fn = dobj as? PyFunction { return try callFunction(fn, values, []) }
                    if let b = dobj as? PyBuiltin, b.receiver == nil { return try callBuiltin(b, values, []) }
                }
                break
            }
        }
        let proxy = Value.object(PySuper(start: owner, receiver: receiver))
        return try call(getAttr(proxy, name), Array(values.dropFirst()))
    }

    /// `values[0].name(*values[1...])`, with the receiver already in the argument array so a
    /// plain method call allocates no second array.
    func callMethod(receiverFirst values: [Value], _ name: String) throws -> Value {
        let obj = values[0]
        if case .object(let o) = obj, !(o is PyClass || o is PyModule || o is PySuper), o.attrs?[name] == nil,
           let d = o.cls.lookup(name), case .object(let dobj) = d {
            if let fn = dobj as? PyFunction { return try callFunction(fn, values, []) }
            if let b = dobj as? PyBuiltin, b.receiver == nil { return try callBuiltin(b, values, []) }
        }
        return try callMethod(obj, name, Array(values.dropFirst()))
    }

    /// `obj.name(args)` without allocating a bound method when the attribute is a plain
    /// function or builtin method on the type.
    func callMethod(_ obj: Value, _ name: String, _ args: [Value], _ kwargs: [(String, Value)] = []) throws -> Value {
        if case .object(let o) = obj {
            if o is PyClass || o is PyModule || o is PySuper {
                return try call(getAttr(obj, name), args, kwargs)
            }
            if o.attrs?[name] != nil { return try call(getAttr(obj, name), args, kwargs) }
        }
        let type = typeOf(obj)
        if let d = type.lookup(name), case .object(let dobj) = d {
            if let fn = dobj as? PyFunction {
                var full = [obj]
                full.append(contentsOf: args)
                return try callFunction(fn, full, kwargs)
            }
            if let b = dobj as? PyBuiltin, b.receiver == nil {
                var full = [obj]
                full.append(contentsOf: args)
                return try callBuiltin(b, full, kwargs)
            }
        }
        return try call(getAttr(obj, name), args, kwargs)
    }
}
