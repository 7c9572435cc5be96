/// The Python methods and properties of `torch.Tensor`.
extension PyTensor {
    static let pyClass: PyClass = NativeClass<PyTensor>("Tensor", module: "torch")
        .property("shape") { _, this in .object(PySize(this.shape)) }
        .property("T") { _, this in .object(try this.reversedDimensions()) }
        .property("dtype") { _, this in .object(PyDType.named(this.dtype)) }
        .property("device") { _, _ in .object(PyDevice()) }
        .property("ndim") { _, this in .int(this.shape.count) }
        .property("requires_grad") { _, this in .bool(this.gradFn != nil) }
        .property("grad_fn") { _, this in this.gradFn.map { .object(PyGradFn($0)) } ?? .none }
        .method("size", "dim=None") { rt, this, a in
            if a[0].isNone { return .object(PySize(this.shape)) }
            return .int(this.shape[try this.normalizedDim(try rt.toInt(a[0]), rank: this.shape.count)])
        }
        .method("dim", "") { _, this, _ in .int(this.shape.count) }
        .method("numel", "") { _, this, _ in .int(this.count) }
        .method("tolist", "") { _, this, _ in this.toList() }
        .method("item", "") { _, this, _ in
            guard this.count == 1 else {
                throw PyError.runtimeError("a Tensor with \(this.count) elements cannot be converted to Scalar")
            }
            return this.scalar(this.values[0])
        }
        .method("argmax", "dim=None, keepdim=False") { rt, this, a in
            .object(try this.argmax(dim: a[0].isNone ? nil : try rt.toInt(a[0]), keepdim: try rt.truthy(a[1])))
        }
        .method("float", "") { _, this, _ in .object(this.converted(to: .float32)) }
        .method("long", "") { _, this, _ in .object(this.converted(to: .int64)) }
        .method("int", "") { _, this, _ in .object(this.converted(to: .int32)) }
        .method("bool", "") { _, this, _ in .object(this.converted(to: .bool)) }
        .method("to", "*args, **kwargs") { rt, this, a in
            var result = this
            var options = try PyDataset.kwargs(rt, a[1]).map { $0.1 }
            if case .object(let o) = a[0], let t = o as? PyTuple { options += t.items }
            for option in options {
                if case .object(let o) = option, let d = o as? PyDType { result = result.converted(to: d.dtype) }
            }
            return .object(result)
        }
        .method("cpu", "") { _, this, _ in .object(this) }
        .method("detach", "") { _, this, _ in .object(this) }
        .method("clone", "") { _, this, _ in .object(PyTensor(values: this.values, shape: this.shape, dtype: this.dtype)) }
        .method("numpy", "") { _, _, _ in throw PyError.notImplemented("Tensor.numpy() (sftnb has no NumPy; use .tolist())") }
        .method("unsqueeze", "dim") { rt, this, a in
            let d = try this.normalizedDim(try rt.toInt(a[0]), rank: this.shape.count + 1)
            var s = this.shape
            s.insert(1, at: d)
            return .object(this.reshaped(s))
        }
        .method("squeeze", "dim=None") { rt, this, a in
            if a[0].isNone { return .object(this.reshaped(this.shape.filter { $0 != 1 })) }
            if this.shape.isEmpty { return .object(this) }
            let d = try this.normalizedDim(try rt.toInt(a[0]), rank: this.shape.count)
            var s = this.shape
            if s[d] == 1 { s.remove(at: d) }
            return .object(this.reshaped(s))
        }
        .method("exp", "") { _, this, _ in .object(this.exp()) }
        .method("abs", "") { _, this, _ in .object(try this.absolute()) }
        .method("__abs__", "") { _, this, _ in .object(try this.absolute()) }
        .method("softmax", "dim, dtype=None") { rt, this, a in .object(try this.softmax(rt, dim: try rt.toInt(a[0]))) }
        .method("log_softmax", "dim, dtype=None") { rt, this, a in .object(try this.logSoftmax(rt, dim: try rt.toInt(a[0]))) }
        .method("topk", "k, dim=-1, largest=True, sorted=True") { rt, this, a in
            let r = try this.topk(k: try rt.toInt(a[0]), dim: try rt.toInt(a[1]), largest: try rt.truthy(a[2]))
            return .object(PyTopK(r.values, r.indices))
        }
        .method("sum", "dim=None") { _, this, a in
            if !a[0].isNone { throw PyError.notImplemented("Tensor.sum(dim=...) (only full sums)") }
            return .object(this.sum())
        }
        .method("mean", "dim=None") { _, this, a in
            if !a[0].isNone { throw PyError.notImplemented("Tensor.mean(dim=...) (only full means)") }
            return .object(try this.mean())
        }
        .method("max", "dim=None") { _, this, a in
            if !a[0].isNone { throw PyError.notImplemented("Tensor.max(dim=...) (use argmax(dim))") }
            return .object(try this.maximum())
        }
        .method("view", "*shape") { rt, this, a in .object(try this.reshape(rt, a[0])) }
        .method("reshape", "*shape") { rt, this, a in .object(try this.reshape(rt, a[0])) }
        .pyClass

    /// `view`/`reshape` with one `-1` inferred, from `(2, 3)` or `2, 3`.
    func reshape(_ rt: Interpreter, _ args: Value) throws -> PyTensor {
        var dims = try rt.iterate(args)
        if dims.count == 1, case .object(let o) = dims[0], !(o is PyTensor) { dims = try rt.iterate(dims[0]) }
        var s = try dims.map { try rt.toInt($0) }
        let known = s.filter { $0 != -1 }.reduce(1, *)
        if let i = s.firstIndex(of: -1), known > 0 { s[i] = count / known }
        guard s.reduce(1, *) == count else {
            throw PyError.runtimeError("shape '[\(s.map(String.init).joined(separator: ", "))]' is invalid for input of size \(count)")
        }
        return reshaped(s)
    }
}

/// `torch.Size`: a tuple of ints printed as `torch.Size([2, 5])`.
final class PySize: NativeObject {
    let dims: [Int]

    init(_ dims: [Int]) {
        self.dims = dims
        super.init(cls: PySize.pyClass)
    }

    static let pyClass: PyClass = NativeClass<PySize>("Size", module: "torch")
        .constructor("sizes=()") { rt, a in PySize(try rt.iterate(a[0]).map { try rt.toInt($0) }) }
        .method("numel", "") { _, this, _ in .int(this.dims.reduce(1, *)) }
        .pyClass

    override func repr(_ rt: Interpreter) throws -> String {
        "torch.Size([\(dims.map(String.init).joined(separator: ", "))])"
    }

    override func length(_ rt: Interpreter) throws -> Int? { dims.count }

    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        if case .object(let o) = key, let s = o as? PySlice { return .object(PySize(try rt.sliceItems(dims, s))) }
        let i = try rt.toInt(key)
        guard i >= -dims.count && i < dims.count else { throw PyError.indexError("tuple index out of range") }
        return .int(dims[i < 0 ? i + dims.count : i])
    }

    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        var i = 0
        return { [dims] in
            guard i < dims.count else { return nil }
            defer { i += 1 }
            return .int(dims[i])
        }
    }

    override func equals(_ rt: Interpreter, _ other: Value) throws -> Bool? {
        guard case .object(let o) = other else { return false }
        if let s = o as? PySize { return s.dims == dims }
        if let t = o as? PyTuple { return t.items.count == dims.count && zip(t.items, dims).allSatisfy { item, d in if case .int(let x) = item { return x == d }; return false } }
        return false
    }
}

/// `torch.float32` and friends.
final class PyDType: NativeObject {
    let dtype: PyTensor.DType

    private init(_ dtype: PyTensor.DType) {
        self.dtype = dtype
        super.init(cls: PyDType.pyClass)
    }

    static let pyClass: PyClass = NativeClass<PyDType>("dtype", module: "torch")
        .property("is_floating_point") { _, this in .bool(this.dtype.isFloatingPoint) }
        .pyClass

    static let all: [PyTensor.DType: PyDType] = Dictionary(uniqueKeysWithValues:
        [PyTensor.DType.float32, .float16, .bfloat16, .float64, .int64, .int32, .bool].map { ($0, PyDType($0)) })

    static func named(_ d: PyTensor.DType) -> PyDType { all[d] ?? PyDType(d) }

    override func repr(_ rt: Interpreter) throws -> String { dtype.repr }
}

/// `torch.device`: sftnb runs on the CPU only.
final class PyDevice: NativeObject {
    let type: String

    init(_ type: String = "cpu") {
        self.type = type
        super.init(cls: PyDevice.pyClass)
    }

    static let pyClass: PyClass = NativeClass<PyDevice>("device", module: "torch")
        .constructor("type, index=None") { rt, a in PyDevice(try rt.toStr(a[0])) }
        .property("type") { _, this in .str(this.type) }
        .property("index") { _, _ in .none }
        .pyClass

    override func repr(_ rt: Interpreter) throws -> String { "device(type='\(type)')" }

    /// `str(device)`, `print(device)` and `f"{device}"` give the bare type, as in torch.
    override func strValue(_ rt: Interpreter) throws -> String? { type }

    override func format(_ rt: Interpreter, _ spec: String) throws -> String? { type }

    override func equals(_ rt: Interpreter, _ other: Value) throws -> Bool? {
        if case .object(let o) = other, let d = o as? PyDevice { return d.type == type }
        return false
    }
}

/// `tensor.grad_fn`: the autograd node torch would have recorded, by name (sftnb records no
/// graph; `backward()` is not available on it).
final class PyGradFn: NativeObject {
    let name: String

    init(_ name: String) {
        self.name = name
        super.init(cls: PyGradFn.pyClass)
    }

    static let pyClass: PyClass = NativeClass<PyGradFn>("Node", module: "torch.autograd.graph")
        .method("name", "") { _, this, _ in .str(this.name) }
        .pyClass

    override func repr(_ rt: Interpreter) throws -> String { "<\(name) object at \(rt.address(self))>" }
}
