import Engine
import Foundation

/// `PeftModel` / `PeftModelForCausalLM`: a model with LoRA adapters. It wraps the very
/// `PyModel` (and engine `CausalLM`) the script passed in — as PEFT injects adapters into the
/// user's model in place — so `merge_and_unload()` hands that same object back. Attributes
/// PEFT forwards to the base model (`config`, `num_parameters`, `generation_config`, ...)
/// fall through to it.
final class PyPeftModel: NativeObject {
    let base: PyModel
    /// The `LoraConfig` object, shown as `peft_config['default']`.
    let loraConfig: Value
    /// The wrapper's own torch `training` flag (a new PEFT module starts in training mode
    /// even when the base model was put in eval mode by from_pretrained).
    var training = true

    init(_ base: PyModel, config: Value, cls: PyClass) {
        self.base = base
        self.loraConfig = config
        super.init(cls: cls)
    }

    var model: CausalLM { base.model }

    static let peftModelClass: PyClass = methods(NativeClass<PyPeftModel>("PeftModel", module: "peft.peft_model"))
        .classMethod("from_pretrained", "model, model_id, adapter_name='default', is_trainable=False, config=None, autocast_adapter_dtype=True, ephemeral_gpu_offload=False, low_cpu_mem_usage=False, key_mapping=None, **kwargs") { rt, cls, a in
            if try rt.toStr(a[2], "adapter_name") != "default" { throw PyError.notImplemented("adapter_name other than 'default'") }
            if !a[4].isNone { throw PyError.notImplemented("PeftModel.from_pretrained(config=...)") }
            for (k, _) in try PyDataset.kwargs(rt, a[9]) where !["revision", "token", "cache_dir", "local_files_only", "torch_device"].contains(k) {
                throw PyError.notImplemented("the PeftModel.from_pretrained keyword argument '\(k)'")
            }
            return try fromPretrained(rt, try rt.engineModel(a[0], "model"), a[1], isTrainable: try rt.truthy(a[3]), cls: cls)
        }
        .pyClass

    static let causalLMClass: PyClass = NativeClass<PyPeftModel>("PeftModelForCausalLM", module: "peft.peft_model", base: peftModelClass).pyClass

    private static func methods(_ c: NativeClass<PyPeftModel>) -> NativeClass<PyPeftModel> {
        c.constructor("model, peft_config, adapter_name='default', autocast_adapter_dtype=True, low_cpu_mem_usage=False") { rt, a in
            guard case .object(let o) = try getPeftModel(rt, try rt.engineModel(a[0], "model"), a[1]), let p = o as? PyPeftModel else {
                throw PyError.runtimeError("get_peft_model did not return a PEFT model")
            }
            return p
        }
        .method("print_trainable_parameters", "") { rt, this, _ in
            try rt.write(this.model.trainableParametersSummary + "\n", to: .none)
            return .none
        }
        .method("get_nb_trainable_parameters", "") { _, this, _ in
            .object(PyTuple([.int(this.model.numParameters(onlyTrainable: true)), .int(this.model.numParameters())]))
        }
        .method("merge_and_unload", "progressbar=False, safe_merge=False, adapter_names=None") { rt, this, a in
            if !a[2].isNone { throw PyError.notImplemented("merge_and_unload(adapter_names=...)") }
            try rt.engineCall { try this.model.mergeAndUnload() }
            return .object(this.base)
        }
        .method("save_pretrained", "save_directory, safe_serialization=True, selected_adapters=None, save_embedding_layers='auto', is_main_process=True, path_initial_model_for_weight_conversion=None, **kwargs") { rt, this, a in
            if !(try rt.truthy(a[1])) { throw PyError.notImplemented("save_pretrained(safe_serialization=False) (sftnb writes safetensors)") }
            if !a[2].isNone, try rt.iterate(a[2]).map({ try rt.toStr($0) }) != ["default"] {
                throw PyError.notImplemented("selected_adapters other than ['default']")
            }
            try this.save(rt, to: try rt.toStr(a[0], "save_directory"))
            return .none
        }
        .method("forward", "*args, **kwargs") { rt, this, a in try this.callBase(rt, "forward", a) }
        .method("__call__", "*args, **kwargs") { rt, this, a in try this.callBase(rt, "__call__", a) }
        .method("generate", "*args, **kwargs") { rt, this, a in try this.callBase(rt, "generate", a) }
        .method("eval", "") { _, this, _ in
            this.training = false; this.model.training = false
            return .object(this)
        }
        .method("train", "mode=True") { rt, this, a in
            this.training = try rt.truthy(a[0]); this.model.training = this.training
            return .object(this)
        }
        .method("get_base_model", "") { _, this, _ in .object(this.base) }
        .method("to", "*args, **kwargs") { rt, this, a in
            _ = try this.base.moveTo(rt, try rt.iterate(a[0]) + PyDataset.kwargs(rt, a[1]).map(\.1))
            return .object(this)
        }
        .method("cpu", "") { _, this, _ in .object(this) }
        .method("named_parameters", "prefix='', recurse=True, remove_duplicate=True") { rt, this, a in
            let prefix = try rt.toStr(a[0], "prefix")
            return try PyModel.parameterIterator(rt, this.base.namedParameters(prefix: (prefix.isEmpty ? "" : prefix + ".") + "base_model.model.").map {
                .object(PyTuple([.str($0.0), .object($0.1)]))
            })
        }
        .method("named_modules", "memo=None, prefix='', remove_duplicate=True") { rt, this, a in
            try PyModel.parameterIterator(rt, this.namedModules(prefix: try rt.toStr(a[1], "prefix")).map { .object(PyTuple([.str($0.0), $0.1])) })
        }
        .method("modules", "") { rt, this, _ in try PyModel.parameterIterator(rt, this.namedModules(prefix: "").map(\.1)) }
        .property("training") { _, this in .bool(this.training) }
        .property("base_model") { _, this in .object(PyLoraModel(this.base)) }
        .property("peft_config") { _, this in
            let d = PyDict()
            d.setString("default", this.loraConfig)
            return .object(d)
        }
        .property("active_adapter") { _, _ in .str("default") }
        .property("active_adapters") { _, _ in .object(PyList([.str("default")])) }
        .property("peft_type") { _, _ in .str("LORA") }
    }

    /// PEFT's module names: the wrapper, its `LoraModel`, then the user's model under
    /// `base_model.model`.
    func namedModules(prefix: String) -> [(String, Value)] {
        func join(_ name: String) -> String { prefix.isEmpty ? name : prefix + "." + name }
        return [(prefix, .object(self)), (join("base_model"), .object(PyLoraModel(base)))]
            + base.namedModules(base.moduleTree, root: .object(base), prefix: join("base_model.model"))
    }

    override func repr(_ rt: Interpreter) throws -> String {
        LoRAModuleRepr.wrap(LoRAModuleRepr.describe(model), outer: cls.name)
    }

    /// Scripts may set their own attributes, as on any torch module; the base model's own
    /// attributes (`generation_config`, ...) are set on it, as PEFT forwards them.
    override func setAttribute(_ rt: Interpreter, _ name: String, _ value: Value) throws {
        if name == "training" {
            training = try rt.truthy(value)
            model.training = training
        } else if cls.lookup(name) != nil {
            throw PyError.attributeError("sftnb cannot replace the PEFT model's '\(name)'")
        } else if base.cls.lookup(name) != nil {
            try base.setAttribute(rt, name, value)
        } else {
            setAttrValue(name, value)
        }
    }

    override func getAttribute(_ rt: Interpreter, _ name: String) throws -> Value? {
        if Self.unsupported.contains(name) { throw PyError.notImplemented("PeftModel.\(name) (sftnb runs one LoRA adapter, 'default')") }
        return try rt.lookupAttr(.object(base), name)
    }

    /// PEFT methods for several or switchable adapters, which sftnb does not have: named so
    /// that they fail clearly instead of as a missing attribute of the base model.
    static let unsupported: Set<String> = ["disable_adapter", "unload", "add_adapter", "set_adapter", "load_adapter",
                                           "delete_adapter", "merge_adapter", "unmerge_adapter", "add_weighted_adapter"]

    /// Calls the base model's method with the same arguments (`*args`, `**kwargs`).
    private func callBase(_ rt: Interpreter, _ name: String, _ a: [Value]) throws -> Value {
        let args = try rt.iterate(a[0])
        return try rt.call(try rt.getAttr(.object(base), name), args, try PyDataset.kwargs(rt, a[1]))
    }

    /// adapter_model.safetensors (the engine, atomically) and adapter_config.json from the
    /// `LoraConfig` object as PEFT writes it.
    func save(_ rt: Interpreter, to directory: String) throws {
        let text = try rt.adapterConfigJSON(loraConfig, model: model)
        try rt.engineCall {
            try model.saveAdapter(to: directory)
            try AtomicFile.write(text, to: directory + "/adapter_config.json")
        }
    }

    /// `PeftModel.from_pretrained(model, adapter_dir, is_trainable=False)`: the adapters are
    /// frozen and the model in eval mode unless `is_trainable`. The wrapper is
    /// `PeftModelForCausalLM` for task_type CAUSAL_LM, else the class it was called on.
    static func fromPretrained(_ rt: Interpreter, _ model: PyModel, _ idValue: Value, isTrainable: Bool, cls: PyClass) throws -> Value {
        let id = try rt.toStr(idValue, "model_id")
        let resolver = ModelResolver(stdlibRoot: ModuleLoader.stdlibDirectory())
        let directory: String
        do {
            directory = try resolver.resolve(id, requiring: [["adapter_config.json"], ["adapter_model.safetensors"]], what: "adapter").directory
        } catch let e as ModelResolver.NotFound {
            throw PyError(T.valueError, "Can't find 'adapter_config.json' at '\(id)'\nsftnb is offline; it looked in:\n" + e.looked.map { "  - " + $0 }.joined(separator: "\n"))
        }
        let config = try rt.loraConfig(fromAdapterDirectory: directory)
        _ = try rt.engineLoRAConfig(config, for: model.model)   // rejects adapters sftnb cannot run, naming the option
        try rt.engineCall { try model.model.loadAdapter(from: directory) }
        try rt.setAttr(config, "inference_mode", .bool(!isTrainable))
        if !isTrainable { model.model.lora?.store.setTrainable { _ in false } }
        let task = try rt.getAttr(config, "task_type")
        let peft = PyPeftModel(model, config: config, cls: task.isNone && cls !== causalLMClass ? peftModelClass : causalLMClass)
        if !isTrainable {
            peft.training = false
            model.model.training = false
        }
        return .object(peft)
    }
}

/// `peft_model.base_model`: PEFT's `LoraModel`, whose `.model` is the user's model; other
/// attributes fall through to it.
final class PyLoraModel: NativeObject {
    let base: PyModel
    init(_ base: PyModel) {
        self.base = base
        super.init(cls: PyLoraModel.pyClass)
    }

    static let pyClass: PyClass = NativeClass<PyLoraModel>("LoraModel", module: "peft.tuners.lora.model")
        .property("model") { _, this in .object(this.base) }
        .pyClass

    override func repr(_ rt: Interpreter) throws -> String { LoRAModuleRepr.loraModel(LoRAModuleRepr.describe(base.model)) }

    override func getAttribute(_ rt: Interpreter, _ name: String) throws -> Value? {
        try rt.lookupAttr(.object(base), name)
    }
}
