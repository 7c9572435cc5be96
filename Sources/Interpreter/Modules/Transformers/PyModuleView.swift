import Engine
import Foundation

/// A submodule of a model — `model.transformer`, `model.transformer.h[0].attn.c_attn`,
/// `model.lm_head`, `get_input_embeddings()` — as a torch `nn.Module`: its class name and
/// repr, its children (attributes, ModuleList indexing, slicing and iteration), its
/// parameters (`.weight`, `.bias`, `parameters()`, `named_parameters()`, `requires_grad_()`)
/// and the sizes its `extra_repr` shows (`in_features`, `num_embeddings`, `eps`, `p`, ...).
/// The weights stay in the engine: a view holds the model and a path. Running a submodule on
/// its own, or replacing one, is not something the engine does, and says so.
final class PyModuleView: NativeObject {
    let owner: PyModel
    let node: ModuleNode

    init(_ owner: PyModel, _ node: ModuleNode) {
        self.owner = owner
        self.node = node
        super.init(cls: PyModuleView.moduleClass(node.name))
    }

    static let pyClass: PyClass = NativeClass<PyModuleView>("Module", module: "torch.nn.modules.module")
        .method("parameters", "recurse=True") { rt, this, a in
            try PyModel.parameterIterator(rt, this.owner.parameters(under: this.node, recurse: try rt.truthy(a[0])).map { .object($0.1) })
        }
        .method("named_parameters", "prefix='', recurse=True, remove_duplicate=True") { rt, this, a in
            let prefix = try rt.toStr(a[0], "prefix")
            return try PyModel.parameterIterator(rt, this.owner.parameters(under: this.node, recurse: try rt.truthy(a[1])).map {
                .object(PyTuple([.str(prefix.isEmpty ? $0.0 : prefix + "." + $0.0), .object($0.1)]))
            })
        }
        .method("children", "") { rt, this, _ in
            try PyModel.parameterIterator(rt, this.node.children.map { .object(PyModuleView(this.owner, $0.node)) })
        }
        .method("named_children", "") { rt, this, _ in
            try PyModel.parameterIterator(rt, this.node.children.map { .object(PyTuple([.str($0.key), .object(PyModuleView(this.owner, $0.node))])) })
        }
        .method("modules", "") { rt, this, _ in
            try PyModel.parameterIterator(rt, this.owner.namedModules(this.node, root: .object(this), prefix: "").map(\.1))
        }
        .method("named_modules", "memo=None, prefix='', remove_duplicate=True") { rt, this, a in
            try PyModel.parameterIterator(rt, this.owner.namedModules(this.node, root: .object(this), prefix: try rt.toStr(a[1], "prefix")).map {
                .object(PyTuple([.str($0.0), $0.1]))
            })
        }
        .method("get_submodule", "target") { rt, this, a in try this.owner.submodule(this.node, root: .object(this), try rt.toStr(a[0], "target")) }
        .method("requires_grad_", "requires_grad=True") { rt, this, a in
            let on = try rt.truthy(a[0])
            for (_, p) in this.owner.parameters(under: this.node, recurse: true) { try rt.setAttr(.object(p), "requires_grad", .bool(on)) }
            return .object(this)
        }
        .property("training") { _, this in .bool(this.owner.model.training) }
        .method("train", "mode=True") { _, this, _ in throw PyError.notImplemented("train()/eval() on a submodule (\(this.node.pathName)); call it on the whole model") }
        .method("eval", "") { _, this, _ in throw PyError.notImplemented("train()/eval() on a submodule (\(this.node.pathName)); call it on the whole model") }
        .method("forward", "*args, **kwargs") { _, this, _ in throw this.notRunnable }
        .method("__call__", "*args, **kwargs") { _, this, _ in throw this.notRunnable }
        .pyClass

    private var notRunnable: PyError {
        PyError.notImplemented("calling a submodule (\(node.pathName)) on its own; sftnb runs whole models: call the model")
    }

    /// One Python class per torch class name (`type(m).__name__` is `Linear`, `GPT2Block`, ...),
    /// each a subclass of `Module`, made on first use.
    private static func moduleClass(_ name: String) -> PyClass {
        classLock.lock()
        defer { classLock.unlock() }
        if let c = classes[name] { return c }
        let c = NativeClass<PyModuleView>(name == "lora.Linear" ? "Linear" : name, module: pythonModule(of: name), base: pyClass).pyClass
        classes[name] = c
        return c
    }

    private static let classLock = NSLock()
    nonisolated(unsafe) private static var classes: [String: PyClass] = [:]

    /// Where torch, transformers or PEFT define the class (for `type(m)`'s repr).
    private static func pythonModule(of name: String) -> String {
        let torch = ["Linear": "linear", "Identity": "linear", "Embedding": "sparse", "Dropout": "dropout",
                     "LayerNorm": "normalization", "ModuleList": "container", "ModuleDict": "container",
                     "ParameterDict": "container", "ReLU": "activation", "SiLU": "activation"]
        if let file = torch[name] { return "torch.nn.modules." + file }
        if name == "Conv1D" { return "transformers.pytorch_utils" }
        if name == "lora.Linear" { return "peft.tuners.lora.layer" }
        if name.hasSuffix("Activation") || name == "GELUTanh" { return "transformers.activations" }
        for (prefix, family) in [("GPTNeo", "gpt_neo"), ("GPT2", "gpt2"), ("OPT", "opt"), ("Llama", "llama")] where name.hasPrefix(prefix) {
            return "transformers.models.\(family).modeling_\(family)"
        }
        return "torch.nn.modules.module"
    }

    override func repr(_ rt: Interpreter) throws -> String { node.render(indent: 0) }

    override func getAttribute(_ rt: Interpreter, _ name: String) throws -> Value? {
        if let child = node.child(name) { return .object(PyModuleView(owner, child)) }
        if let p = owner.parameter(named: node.path + [name]) { return .object(p) }
        return try extraAttribute(name)
    }

    override func setAttribute(_ rt: Interpreter, _ name: String, _ value: Value) throws {
        throw PyError.notImplemented("setting '\(name)' on a submodule (\(node.pathName)); sftnb cannot replace a model's modules or weights")
    }

    override func length(_ rt: Interpreter) throws -> Int? { node.extra == nil ? node.children.count : nil }

    /// ModuleList indexing (negative indices, slices → a ModuleList) and ModuleDict lookup.
    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        if node.name == "ModuleDict", case .object(let o) = key, let s = o as? PyStr {
            guard let child = node.child(s.value) else { throw PyError.keyError(key) }
            return .object(PyModuleView(owner, child))
        }
        guard node.isList else { throw PyError.typeError("'\(node.name)' object is not subscriptable") }
        if case .object(let o) = key, let slice = o as? PySlice {
            let items = try rt.indices(of: slice, count: node.children.count).map { node.children[$0].node }
            var list = ModuleNode(name: "ModuleList", path: node.path)
            list.children = items.enumerated().map { ("\($0.offset)", $0.element) }
            return .object(PyModuleView(owner, list))
        }
        let i = try rt.toInt(key)
        let n = node.children.count
        guard (-n..<n).contains(i) else { throw PyError.indexError("index \(i) is out of range") }
        return .object(PyModuleView(owner, node.children[i < 0 ? i + n : i].node))
    }

    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        if node.extra != nil { throw PyError.typeError("'\(typeName)' object is not iterable") }
        var items: [Value] = node.name == "ModuleDict" ? node.children.map { .str($0.key) }
            : node.children.map { .object(PyModuleView(owner, $0.node)) }
        items.reverse()
        return { items.popLast() }
    }

    /// The sizes a leaf module shows in its repr, under torch's attribute names: `Linear(in_features=16,
    /// out_features=400, bias=False)` has `in_features`, `out_features` and `bias` (None: no bias
    /// parameter); `Embedding(400, 16)` has `num_embeddings` and `embedding_dim`.
    private func extraAttribute(_ name: String) throws -> Value? {
        guard let extra = node.extra else { return nil }
        let positional: [String] = switch node.name {
        case "Embedding", "OPTLearnedPositionalEmbedding": ["num_embeddings", "embedding_dim"]
        case "LayerNorm", "LlamaRMSNorm": ["normalized_shape"]
        default: []
        }
        var position = 0
        for part in Self.splitTopLevel(extra) {
            var key: String, text: String
            if let eq = part.firstIndex(of: "="), !part.hasPrefix("(") {
                key = String(part[..<eq]); text = String(part[part.index(after: eq)...])
            } else {
                guard position < positional.count else { continue }
                key = positional[position]; text = part
                position += 1
            }
            if node.name == "LlamaRMSNorm" && key == "eps" { key = "variance_epsilon" }
            if key == "bias" && (node.name == "Linear" || node.name == "LayerNorm") { if name == "bias" { return Value.none } else { continue } }
            if key == name { return Self.literal(text) }
        }
        if name == "padding_idx" && positional.first == "num_embeddings" { return Value.none }
        return nil
    }

    /// "a, (1, 2), b=3" → ["a", "(1, 2)", "b=3"].
    private static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for c in text {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if c == ",", depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespaces)); current = ""
            } else {
                current.append(c)
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { parts.append(current.trimmingCharacters(in: .whitespaces)) }
        return parts
    }

    /// A repr literal: True/False, an int, a float, a tuple of ints like `(16,)`, else the text.
    private static func literal(_ text: String) -> Value {
        if text == "True" { return .bool(true) }
        if text == "False" { return .bool(false) }
        if let i = Int(text) { return .int(i) }
        if let d = Double(text) { return .float(d) }
        if text.hasPrefix("(") && text.hasSuffix(")") {
            let items = text.dropFirst().dropLast().split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            return .object(PyTuple(items.map { .int($0) }))
        }
        return .str(text)
    }
}

extension PyModel {
    /// The model's module tree (LoRA adapters shown).
    var moduleTree: ModuleNode { ModuleTree.of(model) }

    /// The parameter at a module path + name (`["lm_head", "weight"]`), following tied weights.
    func parameter(named path: [String]) -> PyParameter? {
        let name = path.joined(separator: ".")
        if let p = namedParameters(prefix: "").first(where: { $0.0 == name })?.1 { return p }
        return model.store.view(name).map { PyParameter(store: model.store, view: $0) }
    }

    /// (name relative to `node`, parameter) in torch's order: the module's own, then its
    /// children's (tied weights once, where first registered).
    func parameters(under node: ModuleNode, recurse: Bool) -> [(String, PyParameter)] {
        let prefix = node.path.isEmpty ? "" : node.pathName + "."
        let all = namedParameters(prefix: "").filter { $0.0.hasPrefix(prefix) }
        var out: [(String, PyParameter)] = []
        func visit(_ n: ModuleNode, _ relative: [String]) {
            let own = n.path.isEmpty ? "" : n.pathName + "."
            for (name, p) in all where name.hasPrefix(own) && !name.dropFirst(own.count).contains(".") {
                out.append(((relative + [String(name.dropFirst(own.count))]).joined(separator: "."), p))
            }
            guard recurse || n.path == node.path else { return }
            for (key, child) in n.children { visit(child, relative + [key]) }
        }
        visit(node, [])
        return out
    }

    /// `named_modules()`: `root` itself under `prefix`, then every submodule, depth first.
    func namedModules(_ node: ModuleNode, root: Value, prefix: String) -> [(String, Value)] {
        var out: [(String, Value)] = [(prefix, root)]
        func visit(_ n: ModuleNode, _ name: String) {
            for (key, child) in n.children {
                let full = name.isEmpty ? key : name + "." + key
                out.append((full, .object(PyModuleView(self, child))))
                visit(child, full)
            }
        }
        visit(node, prefix)
        return out
    }

    /// `get_submodule("transformer.h.0")`: torch's AttributeError names the missing part.
    func submodule(_ node: ModuleNode, root: Value, _ target: String) throws -> Value {
        if target.isEmpty { return root }
        var current = node
        for key in target.split(separator: ".").map(String.init) {
            guard let child = current.child(key) else {
                throw PyError.attributeError("\(current.name) has no attribute `\(key)`")
            }
            current = child
        }
        return .object(PyModuleView(self, current))
    }
}
