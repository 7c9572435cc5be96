import Engine

/// `model.parameters()` / `model.named_parameters()`: the engine's weights as torch
/// `Parameter`s — name, shape, `numel()`, `dtype`, `requires_grad` (settable: it freezes or
/// unfreezes the view in the engine) and the values as a tensor (`p.data`, and any tensor
/// method through it). With LoRA attached the names are PEFT's: an adapted layer's weights
/// become `<module>.base_layer.weight`, followed by `<module>.lora_A.default.weight` and
/// `<module>.lora_B.default.weight`.
final class PyParameter: NativeObject {
    let store: ParameterStore
    let view: ParameterView

    init(store: ParameterStore, view: ParameterView) {
        self.store = store
        self.view = view
        super.init(cls: PyParameter.pyClass)
    }

    var tensor: PyTensor { PyTensor(float32: store.floatArray(view), shape: view.shape) }

    static let pyClass: PyClass = NativeClass<PyParameter>("Parameter", module: "torch.nn.parameter")
        .property("shape") { _, this in .object(PySize(this.view.shape)) }
        .property("dtype") { _, this in .object(PyDType.named(this.view.dtype == .BF16 ? .bfloat16 : .float32)) }
        .property("data") { _, this in .object(this.tensor) }
        .property("requires_grad") { _, this in .bool(this.store.isTrainable(this.view)) }
        .method("numel", "") { _, this, _ in .int(this.view.count) }
        // The address of the values in the engine: tied weights share it, as in torch.
        .method("data_ptr", "") { _, this, _ in .int(Int(bitPattern: this.store.rawBytes(this.view).baseAddress)) }
        .method("size", "dim=None") { rt, this, a in
            guard !a[0].isNone else { return .object(PySize(this.view.shape)) }
            let d = try rt.toInt(a[0])
            let i = d < 0 ? d + this.view.shape.count : d
            guard this.view.shape.indices.contains(i) else { throw PyError.indexError("Dimension out of range (got \(d))") }
            return .int(this.view.shape[i])
        }
        .method("dim", "") { _, this, _ in .int(this.view.shape.count) }
        .method("requires_grad_", "requires_grad=True") { rt, this, a in
            try rt.setAttr(.object(this), "requires_grad", a[0])
            return .object(this)
        }
        .pyClass

    /// `p.requires_grad = False` freezes the view in the engine (its gradient memory goes).
    override func setAttribute(_ rt: Interpreter, _ name: String, _ value: Value) throws {
        guard name == "requires_grad" else { return try super.setAttribute(rt, name, value) }
        let on = try rt.truthy(value)
        let trainable = Set(store.views.filter { store.isTrainable($0) }.map(\.name))
        store.setTrainable { $0 == view.name ? on : trainable.contains($0) }
    }

    /// torch's repr: the values, then `requires_grad=True` for a trainable one (on a new line
    /// when the last line would pass 80 columns).
    override func repr(_ rt: Interpreter) throws -> String {
        let text = TensorFormatting.repr(tensor)
        guard store.isTrainable(view) else { return "Parameter containing:\n" + text }
        let body = text.dropLast()
        let lastLine = body.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0
        let suffix = "requires_grad=True"
        let joined = lastLine + suffix.count + 2 > 80 ? ",\n" + String(repeating: " ", count: 7) + suffix : ", " + suffix
        return "Parameter containing:\n" + body + joined + ")"
    }

    /// Other tensor attributes and methods (`p.sum()`, `p.tolist()`, `p.ndim`) act on the values.
    override func getAttribute(_ rt: Interpreter, _ name: String) throws -> Value? {
        try rt.lookupAttr(.object(tensor), name)
    }
}

extension PyModel {
    /// (name, parameter) in torch's registration order, names prefixed with `prefix`.
    func namedParameters(prefix: String) -> [(String, PyParameter)] {
        let adapted = Set(model.adaptedModules.map(\.path))
        let views = model.store.views
        func module(_ name: String) -> String { name.split(separator: ".").dropLast().joined(separator: ".") }
        var out: [(String, PyParameter)] = []
        for (i, view) in views.enumerated() {
            let owner = module(view.name)
            guard adapted.contains(owner), let lora = model.lora else {
                out.append((prefix + view.name, PyParameter(store: model.store, view: view)))
                continue
            }
            let leaf = view.name.split(separator: ".").last.map(String.init) ?? view.name
            out.append((prefix + owner + ".base_layer." + leaf, PyParameter(store: model.store, view: view)))
            if i + 1 == views.count || module(views[i + 1].name) != owner {
                for part in ["lora_A", "lora_B"] {
                    if let v = lora.store.view("base_model.model.\(owner).\(part).weight") {
                        out.append((prefix + owner + ".\(part).default.weight", PyParameter(store: lora.store, view: v)))
                    }
                }
            }
        }
        return out
    }

    /// `named_parameters()` / `parameters()` as iterators, like torch's generators.
    static func parameterIterator(_ rt: Interpreter, _ items: [Value]) throws -> Value {
        guard let iter = rt.builtins.values["iter"] else { return .object(PyList(items)) }
        return try rt.call(iter, [.object(PyList(items))])
    }

    /// `model.to(device_or_dtype)` / `model.cpu()`: the CPU and the weights' own dtype are
    /// what sftnb has; anything else raises instead of pretending.
    func moveTo(_ rt: Interpreter, _ args: [Value]) throws -> Value {
        for v in args where !v.isNone {
            if case .object(let o) = v, let d = o as? PyDType {
                let current: PyTensor.DType = model.dtype == .BF16 ? .bfloat16 : .float32
                guard d.dtype == current else {
                    throw PyError.notImplemented("model.to(\(d.dtype.repr)) (the weights are \(current.repr); pass torch_dtype= to from_pretrained instead)")
                }
                continue
            }
            let device: String
            if case .object(let o) = v, let d = o as? PyDevice { device = d.type }
            else if case .int = v { device = "cuda" }
            else { device = try rt.toStr(v, "device") }
            guard device == "cpu" else { throw PyError.notImplemented("model.to(\(try rt.repr(.str(device)))) (sftnb runs on the CPU)") }
        }
        return .object(self)
    }
}
