/// Statements: blocks record the current line in the frame (for tracebacks) and stop at
/// the first `break`/`continue`/`return`, which travel as a returned `Flow`, not as
/// thrown errors, so loops stay cheap.
extension Compiler {
    func block(_ stmts: [Stmt]) throws -> Block {
        let lines = stmts.map(\.span.line)
        let codes = try stmts.map(stmt)
        switch codes.count {
        case 0: return { _ in .normal }
        case 1:
            let l = lines[0], c = codes[0]
            return { f in
                f.line = l
                return try c(f)
            }
        default:
            return { f in
                for i in 0..<codes.count {
                    f.line = lines[i]
                    let r = try codes[i](f)
                    if r != .normal { return r }
                }
                return .normal
            }
        }
    }

    func stmt(_ s: Stmt) throws -> Block {
        switch s.kind {
        case .expression(let e):
            let c = try expr(e)
            return { f in
                _ = try c(f)
                return .normal
            }
        case .assign(let targets, let value):
            let v = try expr(value)
            let stores = try targets.map(target)
            if stores.count == 1 {
                let st = stores[0]
                return { f in
                    try st(f, v(f))
                    return .normal
                }
            }
            return { f in
                let x = try v(f)
                for st in stores { try st(f, x) }
                return .normal
            }
        case .augmentedAssign(let t, let op, let value): return try augmented(t, op, value)
        case .annotatedAssign(let t, let value):
            // Class bodies record annotated names in order (dataclasses read them); the
            // annotation itself is not kept by the parser, so its value is None.
            var record: ((Frame) throws -> Void)?
            if scope.kind == .classBody, case .name(let n) = t.kind {
                record = { f in
                    guard let ns = f.classNamespace else { return }
                    let annotations: PyDict
                    if case .object(let o)? = ns.values["__annotations__"], let d = o as? PyDict {
                        annotations = d
                    } else {
                        annotations = PyDict()
                        ns.set("__annotations__", .object(annotations))
                    }
                    annotations.setString(n, .none)
                }
            }
            guard let value = value else {
                return { f in
                    try record?(f)
                    return .normal
                }
            }
            let v = try expr(value), st = try target(t)
            return { f in
                try record?(f)
                try st(f, v(f))
                return .normal
            }
        case .functionDef(let def): return try functionDef(def, span: s.span)
        case .classDef(let def): return try classDef(def)
        case .return(let value):
            let v = try value.map(expr)
            return { f in
                f.returnValue = try v?(f) ?? .none
                return .returned
            }
        case .delete(let targets):
            let dels = try targets.map(deleteTarget)
            return { f in
                for d in dels { try d(f) }
                return .normal
            }
        case .if(let test, let body, let orElse):
            let t = try expr(test), b = try block(body), o = try block(orElse)
            return { f in try f.rt.truthy(t(f)) ? try b(f) : try o(f) }
        case .while(let test, let body, let orElse):
            let t = try expr(test), b = try block(body), o = try block(orElse)
            let line = s.span.line
            return { f in
                while true {
                    f.line = line
                    guard try f.rt.truthy(t(f)) else { break }
                    if f.rt.interruptFlag.pointee != 0 { try f.rt.checkInterrupt() }
                    switch try b(f) {
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    default: continue
                    }
                }
                return try o(f)
            }
        case .for(let t, let iterable, let body, let orElse):
            return try forLoop(t, iterable, body, orElse)
        case .with(let items, let body): return try with(items, body)
        case .raise(let e, let cause): return try raise(e, cause)
        case .try(let body, let handlers, let orElse, let finally):
            return try tryStatement(body, handlers, orElse, finally)
        case .assert(let test, let message):
            let t = try expr(test), m = try message.map(expr)
            let caret = CaretLocation(test)  // CPython underlines the failed test
            return { f in
                if !(try f.rt.truthy(t(f))) {
                    let args = try m.map { [try $0(f)] } ?? []
                    throw PyError(PyException(cls: T.assertionError, args: args)).surfaced(at: caret, in: f)
                }
                return .normal
            }
        case .import(let names): return try importStatement(names)
        case .importFrom(let module, let names, let level): return try importFrom(module, names, level)
        case .global, .nonlocal, .pass: return { _ in .normal }
        case .break: return { _ in .breakLoop }
        case .continue: return { _ in .continueLoop }
        }
    }

    private func augmented(_ t: Expr, _ op: BinaryOperator, _ value: Expr) throws -> Block {
        let v = try expr(value)
        switch t.kind {
        case .name(let n):
            let load = self.load(n), st = store(n)
            if op == .add {
                return { f in
                    let a = try load(f), b = try v(f)
                    if case .int(let x) = a, case .int(let y) = b {
                        let (r, o) = x.addingReportingOverflow(y)
                        if !o {
                            try st(f, .int(r))
                            return .normal
                        }
                    }
                    if case .float(let x) = a, case .float(let y) = b {
                        try st(f, .float(x + y))
                        return .normal
                    }
                    try st(f, f.rt.inPlace(.add, a, b))
                    return .normal
                }
            }
            return { f in
                let a = try load(f)
                try st(f, f.rt.inPlace(op, a, v(f)))
                return .normal
            }
        // Reading and writing the target report errors at the target (as CPython's carets);
        // the operator's own errors at the statement.
        case .attribute(let obj, let name):
            // The object is evaluated once; the load and the store each have their cache.
            let o = try expr(obj)
            let loadSite = AttributeSite(name), storeSite = AttributeSite(name), caret = CaretLocation(t)
            return { f in
                let target = try o(f)
                let current: Value
                do { current = try loadSite.load(f.rt, target) } catch let error as PyError { throw error.surfaced(at: caret, in: f) }
                let operand = try v(f)
                let updated: Value
                if op == .add, case .int(let x) = current, case .int(let y) = operand, case let (r, false) = x.addingReportingOverflow(y) {
                    updated = .int(r)
                } else {
                    updated = try f.rt.inPlace(op, current, operand)
                }
                do { try storeSite.store(f.rt, target, updated) } catch let error as PyError { throw error.surfaced(at: caret, in: f) }
                return .normal
            }
        case .subscript(let obj, let index):
            let o = try expr(obj), i = try expr(index)
            let caret = CaretLocation(t)
            return { f in
                let target = try o(f), key = try i(f)
                let current: Value
                do { current = try f.rt.getItem(target, key) } catch let error as PyError { throw error.surfaced(at: caret, in: f) }
                let updated = try f.rt.inPlace(op, current, v(f))
                do { try f.rt.setItem(target, key, updated) } catch let error as PyError { throw error.surfaced(at: caret, in: f) }
                return .normal
            }
        default:
            throw SyntaxError(.syntaxError, "'\(t.kind)' is an illegal expression for augmented assignment", at: t.span, in: file)
        }
    }

    private func deleteTarget(_ e: Expr) throws -> (Frame) throws -> Void {
        switch e.kind {
        case .name(let n): return delete(n)
        case .attribute(let obj, let name):
            let o = try expr(obj)
            return { f in try f.rt.delAttr(o(f), name) }
        case .subscript(let obj, let index):
            let o = try expr(obj), i = try expr(index)
            return { f in try f.rt.delItem(o(f), i(f)) }
        case .tuple(let items), .list(let items):
            let dels = try items.map(deleteTarget)
            return { f in for d in dels { try d(f) } }
        default:
            throw SyntaxError(.syntaxError, "cannot delete expression", at: e.span, in: file)
        }
    }

    private func forLoop(_ t: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt]) throws -> Block {
        let it = try expr(iterable), b = try block(body), o = try block(orElse)
        // A plain local loop variable is written straight into its slot.
        var slot: Int?
        if case .name(let n) = t.kind, case .slot(let s) = scope.resolve(n) { slot = s }
        let st = try target(t)
        return { f in
            let source = try it(f)
            let flag = f.rt.interruptFlag
            if case .object(let obj) = source, let r = obj as? PyRange {
                var i = r.start
                let stop = r.stop, step = r.step
                while step > 0 ? i < stop : i > stop {
                    if let s = slot { f.slots[s] = .int(i) } else { try st(f, .int(i)) }
                    if flag.pointee != 0 { try f.rt.checkInterrupt() }
                    switch try b(f) {
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    default: break
                    }
                    i += step
                }
                return try o(f)
            }
            let next = try f.rt.getIterator(source)
            while let x = try next() {
                if let s = slot { f.slots[s] = x } else { try st(f, x) }
                if flag.pointee != 0 { try f.rt.checkInterrupt() }
                switch try b(f) {
                case .breakLoop: return .normal
                case .returned: return .returned
                default: break
                }
            }
            return try o(f)
        }
    }

    private func with(_ items: [WithItem], _ body: [Stmt]) throws -> Block {
        guard let first = items.first else { return try block(body) }
        let ctx = try expr(first.context)
        let st = try first.target.map(target)
        let inner = items.count > 1 ? try with(Array(items.dropFirst()), body) : try block(body)
        return { f in
            let manager = try ctx(f)
            let exit: Value
            do {
                exit = try f.rt.getAttr(manager, "__exit__")
            } catch {
                throw PyError.typeError("'\(typeName(manager))' object does not support the context manager protocol")
            }
            let entered = try f.rt.callMethod(manager, "__enter__", [])
            try st?(f, entered)
            let flow: Flow
            do {
                flow = try inner(f)
            } catch let e as PyError {
                let exc = e.exception
                f.rt.addTraceback(exc, frame: f)
                f.rt.handling.append(exc)
                defer { f.rt.handling.removeLast() }
                let suppress = try f.rt.call(exit, [.object(exc.cls), .object(exc), .none])
                if try f.rt.truthy(suppress) { return .normal }
                throw e
            }
            _ = try f.rt.call(exit, [.none, .none, .none])
            return flow
        }
    }

    private func raise(_ e: Expr?, _ cause: Expr?) throws -> Block {
        let ex = try e.map(expr), c = try cause.map(expr)
        return { f in
            guard let ex = ex else {
                guard let current = f.rt.handling.last else {
                    throw PyError.runtimeError("No active exception to reraise")
                }
                throw PyError(current)
            }
            let exc = try f.rt.makeException(ex(f))
            if let c = c {
                let cv = try c(f)
                if cv.isNone {
                    exc.cause = nil
                } else {
                    exc.cause = try f.rt.makeException(cv)
                }
                exc.suppressContext = true
            }
            throw PyError(exc)
        }
    }

    private func tryStatement(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt],
                              _ finally: [Stmt]) throws -> Block {
        let b = try block(body), o = try block(orElse), fin = try block(finally)
        let hasFinally = !finally.isEmpty
        let compiled: [(ExprCode?, StoreCode?, (Frame) throws -> Void, Block, Int)] = try handlers.map { h in
            (try h.type.map(expr), try h.name.map(store), try h.name.map(delete) ?? { _ in }, try block(h.body), h.span.line)
        }
        let tryHandlers: (Frame) throws -> Flow = { f in
            do {
                let r = try b(f)
                if r != .normal { return r }
            } catch let err as PyError {
                let exc = err.exception
                f.rt.addTraceback(exc, frame: f)
                for (typeCode, bind, unbind, handler, line) in compiled {
                    f.line = line
                    if let tc = typeCode {
                        guard try f.rt.exceptionMatches(exc, tc(f)) else { continue }
                    }
                    try bind?(f, .object(exc))
                    f.rt.handling.append(exc)
                    let flow: Flow
                    do {
                        flow = try handler(f)
                    } catch let inner as PyError {
                        f.rt.handling.removeLast()
                        try? unbind(f)
                        if inner.exception !== exc && inner.exception.context == nil {
                            inner.exception.context = exc
                        }
                        throw inner
                    }
                    f.rt.handling.removeLast()
                    try? unbind(f)
                    return flow
                }
                throw err
            }
            return try o(f)
        }
        if !hasFinally { return tryHandlers }
        return { f in
            let flow: Flow
            do {
                flow = try tryHandlers(f)
            } catch let err as PyError {
                f.rt.handling.append(err.exception)
                let ff: Flow
                do {
                    ff = try fin(f)
                } catch let inner as PyError {
                    f.rt.handling.removeLast()
                    if inner.exception !== err.exception && inner.exception.context == nil {
                        inner.exception.context = err.exception
                    }
                    throw inner
                }
                f.rt.handling.removeLast()
                if ff != .normal { return ff }
                throw err
            }
            let saved = f.returnValue
            let ff = try fin(f)
            if ff != .normal { return ff }
            f.returnValue = saved
            return flow
        }
    }
}

extension Interpreter {
    /// The exception object for `raise X`: an instance, or a class to instantiate.
    func makeException(_ v: Value) throws -> PyException {
        if case .object(let o) = v {
            if let e = o as? PyException { return e }
            if let c = o as? PyClass, c.isSubclass(of: T.baseException) {
                let inst = try call(v, [])
                if case .object(let io) = inst, let e = io as? PyException { return e }
            }
        }
        throw PyError.typeError("exceptions must derive from BaseException")
    }

    func exceptionMatches(_ exc: PyException, _ type: Value) throws -> Bool {
        guard case .object(let o) = type else {
            throw PyError.typeError("catching classes that do not inherit from BaseException is not allowed")
        }
        if let c = o as? PyClass { return exc.cls.isSubclass(of: c) }
        if let t = o as? PyTuple {
            for item in t.items where try exceptionMatches(exc, item) { return true }
            return false
        }
        throw PyError.typeError("catching classes that do not inherit from BaseException is not allowed")
    }
}
