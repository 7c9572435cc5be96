/// The `torch` module: the little of PyTorch that TRL tutorials touch outside the model
/// (dtypes, `manual_seed`, `tensor`, `no_grad`, `cuda.is_available`, `device`). sftnb
/// trains on its own engine, so there are no autograd or devices here.
///
/// Public API for other bindings: `PyTensor(int64:shape:)`, `PyTensor(float32:shape:)`,
/// `PyDType.named(.bfloat16)`, and `Interpreter.torchSeed` (the last `torch.manual_seed`).
enum TorchModule: NativeModule {
    static let name = "torch"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name, doc: "sftnb's torch: dtypes, manual_seed, tensor, no_grad (CPU only, no autograd).")
        for (n, d) in [("float32", PyTensor.DType.float32), ("float", .float32), ("float16", .float16), ("half", .float16),
                       ("bfloat16", .bfloat16), ("float64", .float64), ("double", .float64), ("int64", .int64),
                       ("long", .int64), ("int32", .int32), ("int", .int32), ("bool", .bool)] {
            m.value(n, .object(PyDType.named(d)))
        }
        m.add(PyTensor.pyClass).add(PySize.pyClass).add(PyDevice.pyClass).add(PyDType.pyClass).add(PyTorchGenerator.pyClass)
        m.value("__version__", .str("2.15.0"))
        m.function("manual_seed", "seed") { rt, a in
            let seed = try rt.toInt(a[0])
            rt.torchSeed = seed
            return .object(PyTorchGenerator(seed: seed))
        }
        m.function("initial_seed", "") { rt, _ in .int(rt.torchSeed ?? 0) }
        m.function("tensor", "data, *, dtype=None, device=None, requires_grad=False, pin_memory=False") { rt, a in
            let requested = (a[1].asObject as? PyDType)?.dtype
            return .object(try tensor(rt, a[0], dtype: requested))
        }
        m.function("is_tensor", "obj") { _, a in
            if case .object(let o) = a[0], o is PyTensor { return .bool(true) }
            return .bool(false)
        }
        m.function("argmax", "input, dim=None, keepdim=False") { rt, a in
            .object(try tensorArg(a[0], "argmax").argmax(dim: a[1].isNone ? nil : try rt.toInt(a[1]), keepdim: try rt.truthy(a[2])))
        }
        m.function("exp", "input") { _, a in .object(try tensorArg(a[0], "exp").exp()) }
        m.function("softmax", "input, dim, dtype=None") { rt, a in .object(try tensorArg(a[0], "softmax").softmax(rt, dim: try rt.toInt(a[1]))) }
        m.function("log_softmax", "input, dim, dtype=None") { rt, a in .object(try tensorArg(a[0], "log_softmax").logSoftmax(rt, dim: try rt.toInt(a[1]))) }
        m.function("topk", "input, k, dim=-1, largest=True, sorted=True") { rt, a in
            let r = try tensorArg(a[0], "topk").topk(k: try rt.toInt(a[1]), dim: try rt.toInt(a[2]), largest: try rt.truthy(a[3]))
            return .object(PyTopK(r.values, r.indices))
        }
        m.function("zeros", "*size, dtype=None, device=None") { rt, a in .object(try filled(rt, a, 0)) }
        m.function("ones", "*size, dtype=None, device=None") { rt, a in .object(try filled(rt, a, 1)) }
        m.function("arange", "start, end=None, step=1, dtype=None, device=None") { rt, a in
            let (lo, hi) = a[1].isNone ? (0, try rt.toInt(a[0])) : (try rt.toInt(a[0]), try rt.toInt(a[1]))
            let step = try rt.toInt(a[2])
            guard step != 0 else { throw PyError.runtimeError("step must be nonzero") }
            let values = Array(stride(from: lo, to: hi, by: step))
            var t = PyTensor(int64: values, shape: [values.count])
            if case .object(let o) = a[3], let d = o as? PyDType { t = t.converted(to: d.dtype) }
            return .object(t)
        }
        m.function("no_grad", "") { _, _ in .object(PyNoGrad()) }
        m.function("inference_mode", "mode=True") { _, _ in .object(PyNoGrad()) }
        m.value("cuda", .object(namespace("torch.cuda", rt) { c in
            c.function("is_available", "") { _, _ in .bool(false) }
            c.function("device_count", "") { _, _ in .int(0) }
            c.function("is_bf16_supported", "including_emulation=True") { _, _ in .bool(false) }
            c.function("empty_cache", "") { _, _ in .none }
            c.function("manual_seed_all", "seed") { rt, a in rt.torchSeed = try rt.toInt(a[0]); return .none }
        }))
        // torch.nn.functional's softmax/log_softmax (F.softmax(logits, dim=-1)); dim=None takes
        // torch's legacy implicit dimension (0 for 0-, 1- and 3-D inputs, else 1).
        m.value("nn", .object(namespace("torch.nn", rt) { nn in
            nn.value("functional", .object(namespace("torch.nn.functional", rt) { f in
                func dim(_ t: PyTensor, _ v: Value) throws -> Int {
                    if !v.isNone { return try rt.toInt(v) }
                    return [0, 1, 3].contains(t.shape.count) ? 0 : 1
                }
                f.function("softmax", "input, dim=None, _stacklevel=3, dtype=None") { rt, a in
                    let t = try tensorArg(a[0], "softmax")
                    return .object(try t.softmax(rt, dim: try dim(t, a[1])))
                }
                f.function("log_softmax", "input, dim=None, _stacklevel=3, dtype=None") { rt, a in
                    let t = try tensorArg(a[0], "log_softmax")
                    return .object(try t.logSoftmax(rt, dim: try dim(t, a[1])))
                }
            }))
        }))
        m.value("backends", .object(namespace("torch.backends", rt) { b in
            b.value("mps", .object(namespace("torch.backends.mps", rt) { mps in
                mps.function("is_available", "") { _, _ in .bool(false) }
            }))
        }))
        return m.module
    }

    static func tensorArg(_ v: Value, _ function: String) throws -> PyTensor {
        guard case .object(let o) = v, let t = o as? PyTensor else {
            throw PyError.typeError("\(function)(): argument 'input' (position 1) must be Tensor, not \(pyTypeName(v))")
        }
        return t
    }

    /// `torch.zeros(2, 3)` / `torch.ones((2, 3), dtype=torch.long)`: float32 unless told.
    static func filled(_ rt: Interpreter, _ a: [Value], _ value: Double) throws -> PyTensor {
        var dims = try rt.iterate(a[0])
        if dims.count == 1, case .object(let o) = dims[0], o is PyList || o is PyTuple || o is PySize { dims = try rt.iterate(dims[0]) }
        let shape = try dims.map { try rt.toInt($0) }
        var dtype = PyTensor.DType.float32
        if case .object(let o) = a[1], let d = o as? PyDType { dtype = d.dtype }
        return PyTensor(values: [Double](repeating: value, count: shape.reduce(1, *)), shape: shape, dtype: dtype)
    }

    static func namespace(_ name: String, _ rt: Interpreter, _ fill: (ModuleBuilder) -> Void) -> PyModule {
        let b = ModuleBuilder(name)
        fill(b)
        rt.modules[name] = b.module
        return b.module
    }

    /// `torch.tensor(data, dtype=...)`: a (nested) list of numbers or bools, all rows the same
    /// length; Python floats are converted once, from their double value, to the dtype.
    static func tensor(_ rt: Interpreter, _ data: Value, dtype requested: PyTensor.DType? = nil) throws -> PyTensor {
        var values: [Double] = []
        var shape: [Int]?
        var sawFloat = false, sawInt = false, sawBool = false
        func walk(_ v: Value, _ depth: Int, _ path: [Int]) throws {
            if case .object(let o) = v, let t = o as? PyTensor { return try walk(t.toList(), depth, path) }
            switch v {
            case let .int(i): values.append(Double(i)); sawInt = true; try leaf(path)
            case let .float(f): values.append(f); sawFloat = true; try leaf(path)
            case let .bool(b): values.append(b ? 1 : 0); sawBool = true; try leaf(path)
            case .object(let o) where o is PyList || o is PyTuple:
                let items = try rt.iterate(v)
                try record(path + [items.count])
                for item in items { try walk(item, depth + 1, path + [items.count]) }
                if items.isEmpty, path.isEmpty { shape = [0] }
            default:
                throw PyError.typeError("new(): invalid data type '\(pyTypeName(v))'")
            }
        }
        func record(_ p: [Int]) throws {
            guard let s = shape else { shape = p; return }
            if s.count >= p.count, Array(s.prefix(p.count)) != p {
                throw PyError.valueError("expected sequence of length \(s[p.count - 1]) at dim \(p.count - 1) (got \(p.last ?? 0))")
            }
            if s.count < p.count { shape = p }
        }
        func leaf(_ p: [Int]) throws {
            if let s = shape, s.count != p.count { throw PyError.valueError("setting an array element with a sequence") }
            if shape == nil { shape = p }
        }
        try walk(data, 0, [])
        let stored: PyTensor.DType = sawFloat ? .float64 : sawInt ? .int64 : sawBool ? .bool : .float32
        return PyTensor(values: values, shape: shape ?? [], dtype: stored).converted(to: requested ?? (sawFloat ? .float32 : stored))
    }
}

/// What `torch.manual_seed` returns (`torch._C.Generator`).
final class PyTorchGenerator: NativeObject {
    let seed: Int

    init(seed: Int) {
        self.seed = seed
        super.init(cls: PyTorchGenerator.pyClass)
    }

    static let pyClass: PyClass = NativeClass<PyTorchGenerator>("Generator", module: "torch._C")
        .method("initial_seed", "") { _, this, _ in .int(this.seed) }
        .method("manual_seed", "seed") { rt, this, a in rt.torchSeed = try rt.toInt(a[0]); return .object(PyTorchGenerator(seed: try rt.toInt(a[0]))) }
        .pyClass
}

/// `torch.no_grad()`: a context manager (and a decorator). The engine computes gradients only
/// inside training either way; inside the block, model outputs print without `grad_fn`.
final class PyNoGrad: NativeObject {
    private var previous = true
    init() { super.init(cls: PyNoGrad.pyClass) }

    static let pyClass: PyClass = NativeClass<PyNoGrad>("no_grad", module: "torch.autograd.grad_mode")
        .method("__enter__", "") { rt, this, _ in
            this.previous = rt.gradEnabled
            rt.gradEnabled = false
            return .none
        }
        .method("__exit__", "exc_type, exc_value, traceback") { rt, this, _ in
            rt.gradEnabled = this.previous
            return .bool(false)
        }
        .method("__call__", "func") { rt, _, a in
            // As a decorator: the function runs with gradients off.
            let function = a[0]
            let name = (try? rt.toStr(try rt.getAttr(function, "__name__"))) ?? "wrapper"
            let (signature, defaults) = Signature.parse(name, "*args, **kwargs")
            return .object(PyBuiltin(name: name, signature: signature, defaults: defaults) { rt, args in
                let previous = rt.gradEnabled
                rt.gradEnabled = false
                defer { rt.gradEnabled = previous }
                return try rt.call(function, try rt.iterate(args[0]), try PyDataset.kwargs(rt, args[1]))
            })
        }
        .pyClass
}
