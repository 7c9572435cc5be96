/// `operator`: the operator functions and `itemgetter` / `attrgetter` / `methodcaller`.
enum OperatorModule: NativeModule {
    static let name = "operator"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        let binaries: [(String, BinaryOperator)] = [
            ("add", .add), ("sub", .subtract), ("mul", .multiply), ("truediv", .divide), ("floordiv", .floorDivide),
            ("mod", .modulo), ("pow", .power), ("lshift", .leftShift), ("rshift", .rightShift), ("and_", .bitAnd),
            ("or_", .bitOr), ("xor", .bitXor), ("matmul", .matrixMultiply),
        ]
        for (n, op) in binaries {
            m.function(n, "a, b, /") { rt, a in try rt.binary(op, a[0], a[1]) }
            m.function("__\(n.replacingOccurrences(of: "_", with: ""))__", "a, b, /") { rt, a in try rt.binary(op, a[0], a[1]) }
        }
        let compares: [(String, CompareOperator)] = [("lt", .less), ("le", .lessEqual), ("eq", .equal), ("ne", .notEqual),
                                                     ("gt", .greater), ("ge", .greaterEqual)]
        for (n, op) in compares { m.function(n, "a, b, /") { rt, a in try rt.compare(op, a[0], a[1]) } }
        m.function("neg", "a, /") { rt, a in try rt.unary(.negate, a[0]) }
        m.function("pos", "a, /") { rt, a in try rt.unary(.plus, a[0]) }
        m.function("not_", "a, /") { rt, a in .bool(!(try rt.truthy(a[0]))) }
        m.function("truth", "a, /") { rt, a in .bool(try rt.truthy(a[0])) }
        m.function("abs", "a, /") { rt, a in try rt.call(rt.builtins.values["abs"] ?? .none, [a[0]]) }
        m.function("contains", "a, b, /") { rt, a in .bool(try rt.contains(a[0], a[1])) }
        m.function("getitem", "a, b, /") { rt, a in try rt.getItem(a[0], a[1]) }
        m.function("is_", "a, b, /") { _, a in .bool(a[0].isIdentical(a[1])) }
        m.function("is_not", "a, b, /") { _, a in .bool(!a[0].isIdentical(a[1])) }
        m.function("index", "a, /") { rt, a in .int(try rt.toInt(a[0])) }
        m.function("itemgetter", "*items") { rt, a in
            let items = try rt.iterate(a[0])
            return .object(makeBuiltin("itemgetter", "obj, /") { rt, b in
                if items.count == 1 { return try rt.getItem(b[0], items[0]) }
                return .object(PyTuple(try items.map { try rt.getItem(b[0], $0) }))
            })
        }
        m.function("attrgetter", "*attrs") { rt, a in
            let names = try rt.iterate(a[0]).map { try rt.toStr($0) }
            func get(_ rt: Interpreter, _ v: Value, _ dotted: String) throws -> Value {
                var cur = v
                for part in dotted.split(separator: ".") { cur = try rt.getAttr(cur, String(part)) }
                return cur
            }
            return .object(makeBuiltin("attrgetter", "obj, /") { rt, b in
                if names.count == 1 { return try get(rt, b[0], names[0]) }
                return .object(PyTuple(try names.map { try get(rt, b[0], $0) }))
            })
        }
        m.function("methodcaller", "name, /, *args, **kwargs") { rt, a in
            let name = try rt.toStr(a[0])
            let args = try rt.iterate(a[1])
            var kwargs: [(String, Value)] = []
            if case .object(let o) = a[2], let d = o as? PyDict {
                kwargs = try d.table.entries.map { (try rt.toStr($0.key), $0.value) }
            }
            return .object(makeBuiltin("methodcaller", "obj, /") { rt, b in try rt.callMethod(b[0], name, args, kwargs) })
        }
        return m.module
    }
}
