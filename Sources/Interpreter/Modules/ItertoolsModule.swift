/// `itertools`: lazy iterators as Swift closures (no generator threads). The
/// combinatoric ones materialize their input pools, as CPython does.
enum ItertoolsModule: NativeModule {
    static let name = "itertools"

    static func iterator(_ name: String, _ next: @escaping () throws -> Value?) -> Value {
        .object(PyIterator(cls: iteratorClass(name), next))
    }

    nonisolated(unsafe) private static var classes: [String: PyClass] = [:]
    private static func iteratorClass(_ name: String) -> PyClass {
        if let c = classes[name] { return c }
        let c = PyClass(name: name, bases: [T.iterator], isBuiltin: true, module: "itertools")
        c.cls = T.type
        classes[name] = c
        return c
    }

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        m.function("chain", "*iterables") { rt, a in
            let sources = try rt.iterate(a[0])
            return chain(rt, sources.makeIterator())
        }
        if case .object(let o)? = m.module.namespace.values["chain"] {
            o.attrs = AttrTable()
            o.setAttrValue("from_iterable", .object(makeBuiltin("from_iterable", "iterable") { rt, a in
                let outer = try rt.getIterator(a[0])
                var current: (() throws -> Value?)?
                return iterator("chain") {
                    while true {
                        if let c = current, let x = try c() { return x }
                        guard let nextSource = try outer() else { return nil }
                        current = try rt.getIterator(nextSource)
                    }
                }
            }))
        }
        m.function("islice", "iterable, *args") { rt, a in
            let args = try rt.iterate(a[1])
            var start = 0, stop: Int?, step = 1
            switch args.count {
            case 1: stop = args[0].isNone ? nil : try rt.toInt(args[0])
            case 2, 3:
                start = args[0].isNone ? 0 : try rt.toInt(args[0])
                stop = args[1].isNone ? nil : try rt.toInt(args[1])
                if args.count == 3 && !args[2].isNone { step = try rt.toInt(args[2]) }
            default: throw PyError.typeError("islice expected at most 4 arguments, got \(args.count + 1)")
            }
            if start < 0 || (stop ?? 0) < 0 {
                throw PyError.valueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            }
            if step < 1 { throw PyError.valueError("Step for islice() must be a positive integer or None.") }
            let it = try rt.getIterator(a[0])
            var index = 0
            var nextWanted = start
            return iterator("islice") {
                while true {
                    if let s = stop, nextWanted >= s { return nil }
                    guard let x = try it() else { return nil }
                    defer { index += 1 }
                    if index == nextWanted {
                        nextWanted += step
                        return x
                    }
                }
            }
        }
        m.function("count", "start=0, step=1") { rt, a in
            var current = a[0]
            let step = a[1]
            return iterator("count") {
                defer { current = (try? rt.binary(.add, current, step)) ?? current }
                return current
            }
        }
        m.function("cycle", "iterable") { rt, a in
            let it = try rt.getIterator(a[0])
            var saved: [Value] = []
            var exhausted = false
            var i = 0
            return iterator("cycle") {
                if !exhausted {
                    if let x = try it() {
                        saved.append(x)
                        return x
                    }
                    exhausted = true
                }
                if saved.isEmpty { return nil }
                defer { i = (i + 1) % saved.count }
                return saved[i]
            }
        }
        m.function("repeat", "object, times=None") { rt, a in
            var remaining = a[1].isNone ? -1 : try rt.toInt(a[1])
            return iterator("repeat") {
                if remaining == 0 { return nil }
                if remaining > 0 { remaining -= 1 }
                return a[0]
            }
        }
        m.function("accumulate", "iterable, func=None, *, initial=None") { rt, a in
            let it = try rt.getIterator(a[0])
            var total: Value? = a[2].isNone ? nil : a[2]
            var emittedInitial = a[2].isNone
            return iterator("accumulate") {
                if !emittedInitial {
                    emittedInitial = true
                    return total
                }
                guard let x = try it() else { return nil }
                if let t = total {
                    total = a[1].isNone ? try rt.binary(.add, t, x) : try rt.call(a[1], [t, x])
                } else {
                    total = x
                }
                return total
            }
        }
        m.function("takewhile", "predicate, iterable") { rt, a in
            let it = try rt.getIterator(a[1])
            var done = false
            return iterator("takewhile") {
                if done { return nil }
                guard let x = try it() else { return nil }
                if try rt.truthy(rt.call(a[0], [x])) { return x }
                done = true
                return nil
            }
        }
        m.function("dropwhile", "predicate, iterable") { rt, a in
            let it = try rt.getIterator(a[1])
            var dropping = true
            return iterator("dropwhile") {
                while let x = try it() {
                    if dropping, try rt.truthy(rt.call(a[0], [x])) { continue }
                    dropping = false
                    return x
                }
                return nil
            }
        }
        m.function("filterfalse", "predicate, iterable") { rt, a in
            let it = try rt.getIterator(a[1])
            return iterator("filterfalse") {
                while let x = try it() {
                    if !(try rt.truthy(a[0].isNone ? x : rt.call(a[0], [x]))) { return x }
                }
                return nil
            }
        }
        m.function("starmap", "function, iterable") { rt, a in
            let it = try rt.getIterator(a[1])
            return iterator("starmap") {
                guard let x = try it() else { return nil }
                return try rt.call(a[0], rt.iterate(x))
            }
        }
        m.function("compress", "data, selectors") { rt, a in
            let d = try rt.getIterator(a[0]), s = try rt.getIterator(a[1])
            return iterator("compress") {
                while let x = try d(), let sel = try s() {
                    if try rt.truthy(sel) { return x }
                }
                return nil
            }
        }
        m.function("pairwise", "iterable") { rt, a in
            let it = try rt.getIterator(a[0])
            var previous = try it()
            return iterator("pairwise") {
                guard let p = previous, let x = try it() else { return nil }
                previous = x
                return .object(PyTuple([p, x]))
            }
        }
        m.function("zip_longest", "*iterables, fillvalue=None") { rt, a in
            var its: [(() throws -> Value?)?] = try rt.iterate(a[0]).map { try rt.getIterator($0) }
            return iterator("zip_longest") {
                var items: [Value] = []
                var anyLive = false
                for i in 0..<its.count {
                    if let it = its[i], let x = try it() {
                        items.append(x)
                        anyLive = true
                    } else {
                        its[i] = nil
                        items.append(a[1])
                    }
                }
                return anyLive ? .object(PyTuple(items)) : nil
            }
        }
        m.function("groupby", "iterable, key=None") { rt, a in
            let it = try rt.getIterator(a[0])
            var pending: (Value, Value)? = nil
            var exhausted = false
            func advance() throws -> (Value, Value)? {
                guard let x = try it() else {
                    exhausted = true
                    return nil
                }
                return (a[1].isNone ? x : try rt.call(a[1], [x]), x)
            }
            return iterator("groupby") {
                if pending == nil && !exhausted { pending = try advance() }
                guard let (key, first) = pending else { return nil }
                var group = [first]
                pending = nil
                while let (k, x) = try advance() {
                    if try rt.equals(k, key) { group.append(x) } else {
                        pending = (k, x)
                        break
                    }
                }
                return .object(PyTuple([key, .object(PyList(group)).iteratorValue(rt)]))
            }
        }
        m.function("product", "*iterables, repeat=1") { rt, a in
            let pools = try rt.iterate(a[0]).map { try rt.iterate($0) }
            let r = try rt.toInt(a[1])
            var all: [[Value]] = []
            for _ in 0..<max(0, r) { all.append(contentsOf: pools) }
            var result: [[Value]] = [[]]
            for pool in all {
                var next: [[Value]] = []
                for prefix in result { for x in pool { next.append(prefix + [x]) } }
                result = next
            }
            var i = 0
            return iterator("product") {
                guard i < result.count else { return nil }
                defer { i += 1 }
                return .object(PyTuple(result[i]))
            }
        }
        m.function("permutations", "iterable, r=None") { rt, a in
            let pool = try rt.iterate(a[0])
            let r = a[1].isNone ? pool.count : try rt.toInt(a[1])
            var out: [[Value]] = []
            func build(_ prefix: [Int]) {
                if prefix.count == r {
                    out.append(prefix.map { pool[$0] })
                    return
                }
                for i in 0..<pool.count where !prefix.contains(i) { build(prefix + [i]) }
            }
            if r <= pool.count { build([]) }
            return listIterator("permutations", out)
        }
        m.function("combinations", "iterable, r") { rt, a in
            let pool = try rt.iterate(a[0])
            let r = try rt.toInt(a[1])
            var out: [[Value]] = []
            func build(_ start: Int, _ prefix: [Value]) {
                if prefix.count == r {
                    out.append(prefix)
                    return
                }
                if start >= pool.count { return }
                for i in start..<pool.count { build(i + 1, prefix + [pool[i]]) }
            }
            if r <= pool.count { build(0, []) }
            return listIterator("combinations", out)
        }
        m.function("combinations_with_replacement", "iterable, r") { rt, a in
            let pool = try rt.iterate(a[0])
            let r = try rt.toInt(a[1])
            var out: [[Value]] = []
            func build(_ start: Int, _ prefix: [Value]) {
                if prefix.count == r {
                    out.append(prefix)
                    return
                }
                if start >= pool.count { return }
                for i in start..<pool.count { build(i, prefix + [pool[i]]) }
            }
            build(0, [])
            return listIterator("combinations_with_replacement", out)
        }
        m.function("tee", "iterable, n=2") { rt, a in
            let items = try rt.iterate(a[0])
            let n = try rt.toInt(a[1])
            return .object(PyTuple((0..<n).map { _ in .object(PyList(items)).iteratorValue(rt) }))
        }
        return m.module
    }

    static func listIterator(_ name: String, _ rows: [[Value]]) -> Value {
        var i = 0
        return iterator(name) {
            guard i < rows.count else { return nil }
            defer { i += 1 }
            return .object(PyTuple(rows[i]))
        }
    }

    static func chain(_ rt: Interpreter, _ sources: IndexingIterator<[Value]>) -> Value {
        var sources = sources
        var current: (() throws -> Value?)?
        return iterator("chain") {
            while true {
                if let c = current, let x = try c() { return x }
                guard let nextSource = sources.next() else { return nil }
                current = try rt.getIterator(nextSource)
            }
        }
    }
}
