/// `def`, `class`, `import`, and whole modules.
extension Compiler {
    /// Compiles a module (a script, cell or REPL entry): names are globals; comprehension
    /// variables get hidden slots in the module frame.
    static func compileModule(_ program: Program, name: String = "<module>") throws -> CodeObject {
        let sig = Signature(name: name, names: [], positionalOnlyCount: 0, positionalCount: 0, keywordOnlyCount: 0,
                            hasVarArgs: false, hasVarKeywords: false)
        let code = CodeObject(name: name, qualname: name, file: program.file, signature: sig, isGenerator: false, doc: nil)
        let scope = CompileScope(kind: .module, parent: nil, code: code)
        let compiler = Compiler(file: program.file, scope: scope)
        code.body = try compiler.block(program.body)
        return code
    }

    func functionDef(_ def: FunctionDef, span: SourceSpan) throws -> Block {
        let make = try function(name: def.name, parameters: def.parameters, body: def.body, docstring: def.docstring,
                                isGenerator: def.isGenerator, span: span)
        let decorators = try def.decorators.map(expr)
        let st = store(def.name)
        return { f in
            var fn = try make(f)
            for d in decorators.reversed() { fn = try f.rt.call(d(f), [fn]) }
            try st(f, fn)
            return .normal
        }
    }

    func classDef(_ def: ClassDef) throws -> Block {
        let bases = try def.bases.map(expr)
        let keywords = try def.keywords.map { ($0.0, try expr($0.1)) }
        let decorators = try def.decorators.map(expr)
        let qualname: String
        switch scope.kind {
        case .module: qualname = def.name
        case .classBody: qualname = scope.code.qualname + "." + def.name
        case .function: qualname = scope.code.qualname + ".<locals>." + def.name
        }
        let sig = Signature(name: def.name, names: [], positionalOnlyCount: 0, positionalCount: 0, keywordOnlyCount: 0,
                            hasVarArgs: false, hasVarKeywords: false)
        let code = CodeObject(name: def.name, qualname: qualname, file: file, signature: sig, isGenerator: false,
                              doc: def.docstring)
        let inner = CompileScope(kind: .classBody, parent: scope, code: code)
        var collector = NameCollector()
        collector.stmts(def.body)
        inner.globals = collector.globals
        let saved = scope
        scope = inner
        code.body = try block(def.body)
        scope = saved
        let closureLoads = try inner.freeNames.map { try closureCell($0) }
        let st = store(def.name)
        let name = def.name
        let doc = def.docstring
        return { f in
            let baseValues = try bases.map { try $0(f) }
            var baseClasses: [PyClass] = []
            for b in baseValues {
                guard case .object(let o) = b, let c = o as? PyClass else {
                    throw PyError.typeError("bases must be types")
                }
                baseClasses.append(c)
            }
            for (k, _) in keywords where k != "metaclass" {
                throw PyError.notImplemented("class keyword argument '\(k)'")
            }
            let body = Frame(rt: f.rt, code: code, globals: f.globals, function: nil)
            body.classNamespace = ClassNamespace()
            body.classNamespace?.set("__module__", f.globals["__name__"] ?? .str("__main__"))
            body.classNamespace?.set("__qualname__", .str(qualname))
            if let d = doc { body.classNamespace?.set("__doc__", .str(d)) }
            body.cells = try closureLoads.map { try $0(f) }
            _ = try f.rt.execute(body)
            let cls = try f.rt.makeClass(name: name, qualname: qualname, bases: baseClasses,
                                         namespace: body.classNamespace ?? ClassNamespace())
            var result: Value = .object(cls)
            for d in decorators.reversed() { result = try f.rt.call(d(f), [result]) }
            try st(f, result)
            return .normal
        }
    }

    func importStatement(_ names: [ImportName]) throws -> Block {
        let bindings: [(String, StoreCode, Bool)] = names.map { n in
            let bindName = n.asName ?? String(n.name.split(separator: ".")[0])
            return (n.name, store(bindName), n.asName != nil)
        }
        return { f in
            for (module, st, aliased) in bindings {
                let m = try f.rt.importModule(module)
                if aliased || !module.contains(".") {
                    try st(f, .object(m))
                } else {
                    let top = String(module.split(separator: ".")[0])
                    try st(f, .object(try f.rt.importModule(top)))
                }
            }
            return .normal
        }
    }

    func importFrom(_ module: String?, _ names: [ImportName], _ level: Int) throws -> Block {
        guard level == 0, let module = module else {
            throw PyError.notImplemented("relative imports (from . import ...)")
        }
        if names.count == 1 && names[0].name == "*" {
            return { f in
                let m = try f.rt.importModule(module)
                let all = m.namespace["__all__"]
                if let all = all {
                    for n in try f.rt.iterate(all) {
                        let key = try f.rt.toStr(n)
                        f.globals[key] = m.namespace[key]
                    }
                } else {
                    for (k, v) in m.namespace.values where !k.hasPrefix("_") { f.globals[k] = v }
                }
                return .normal
            }
        }
        let bindings = names.map { ($0.name, store($0.asName ?? $0.name)) }
        return { f in
            let m = try f.rt.importModule(module)
            for (name, st) in bindings {
                if let v = m.namespace[name] {
                    try st(f, v)
                } else if let sub = try? f.rt.importModule(module + "." + name) {
                    try st(f, .object(sub))
                } else {
                    let e = PyError(T.importError, "cannot import name '\(name)' from '\(module)' (\(m.namespace["__file__"].flatMap { $0.asObject as? PyStr }?.value ?? "unknown location"))")
                    throw e
                }
            }
            return .normal
        }
    }
}

extension Interpreter {
    /// Creates a class from its evaluated body; marks its functions as owned by it
    /// (for zero-argument `super()`).
    func makeClass(name: String, qualname: String, bases: [PyClass], namespace: ClassNamespace) throws -> PyClass {
        if bases.contains(where: { $0.dict["_sftnb_namedtuple"] != nil }) {
            // `class P(NamedTuple): x: int` becomes a collections.namedtuple subclass.
            let typing = try importModule("typing")
            let ns = PyDict()
            for k in namespace.order { if let v = namespace.values[k] { ns.setString(k, v) } }
            let made = try call(typing.namespace["_namedtuple_from_class"] ?? .none, [.str(name), .object(ns)])
            guard case .object(let o) = made, let c = o as? PyClass else { throw PyError.typeError("NamedTuple class creation failed") }
            return c
        }
        let realBases = bases.isEmpty ? [T.object] : bases
        var dict: [String: Value] = [:]
        for k in namespace.order { if let v = namespace.values[k] { dict[k] = v } }
        let module: String
        if case .object(let o)? = dict["__module__"], let s = o as? PyStr { module = s.value } else { module = "__main__" }
        let cls = PyClass(name: name, bases: realBases, dict: dict, isBuiltin: false, module: module)
        cls.qualname = qualname
        cls.cls = T.type
        cls.mro = try PyClass.linearize(cls)
        cls.attributeOrder = namespace.order
        for (_, v) in dict {
            guard case .object(let o) = v else { continue }
            if let fn = o as? PyFunction { fn.ownerClass = cls }
            if let p = o as? PyProperty {
                for part in [p.getter, p.setter, p.deleter] {
                    if case .object(let po) = part, let fn = po as? PyFunction { fn.ownerClass = cls }
                }
            }
            if let s = o as? PyStaticMethod, case .object(let so) = s.function, let fn = so as? PyFunction { fn.ownerClass = cls }
            if let s = o as? PyClassMethod, case .object(let so) = s.function, let fn = so as? PyFunction { fn.ownerClass = cls }
        }
        if let hook = realBases.lazy.compactMap({ $0.lookup("__init_subclass__") }).first, case .object(let ho) = hook,
           !(ho is PyBuiltin) {
            let fn: Value
            if let cm = ho as? PyClassMethod { fn = cm.function } else { fn = hook }
            _ = try call(fn, [.object(cls)])
        }
        return cls
    }
}
