import Engine
import Foundation

/// The Python `peft.LoraConfig` (stdlib/peft.py, a dataclass) seen from the engine: its
/// conversion to the engine's `LoRAConfig`, the fields PEFT fills in when it wraps a model,
/// and `adapter_config.json` written from the config object as PEFT writes it.
extension Interpreter {
    /// The engine `LoRAConfig` of a Python `LoraConfig`. Options sftnb does not implement
    /// (`layers_to_transform`, `modules_to_save`, ...) raise NotImplementedError naming the
    /// option. A `target_modules` regular expression (PEFT matches it against full module
    /// names) needs the `model` it applies to. A (LoRA A's init) comes from the script's
    /// `torch.manual_seed`/`set_seed`, so runs are reproducible.
    func engineLoRAConfig(_ config: Value, for model: CausalLM? = nil) throws -> LoRAConfig {
        guard typeName(config) == "LoraConfig" else {
            throw PyError.typeError("peft_config must be a peft.LoraConfig, not '\(typeName(config))'")
        }
        func field(_ name: String) throws -> Value { try getAttr(config, name) }
        func isSet(_ name: String) throws -> Bool {
            let v = try field(name)
            if v.isNone { return false }
            if case .bool(let b) = v { return b }
            if case .object(let o) = v, o is PyDict || o is PyList || o is PySet || o is PyTuple { return try length(v) > 0 }
            return true
        }
        for name in ["layers_to_transform", "layers_pattern", "modules_to_save", "exclude_modules", "rank_pattern",
                     "alpha_pattern", "trainable_token_indices", "layer_replication", "target_parameters",
                     "loftq_config", "eva_config", "corda_config", "lora_ga_config", "velora_config",
                     "alora_invocation_tokens", "arrow_config", "kasa_config", "monteclora_config", "megatron_config"]
        where try isSet(name) {
            throw PyError.notImplemented("LoraConfig(\(name)=\(try repr(try field(name))))")
        }
        let task = try field("task_type")
        if !task.isNone, try toStr(task, "task_type") != "CAUSAL_LM" {
            throw PyError.notImplemented("LoraConfig(task_type=\(try repr(task))) (sftnb adapts causal language models: task_type='CAUSAL_LM' or None)")
        }
        let initWeights = try field("init_lora_weights")
        guard case .bool = initWeights else {
            throw PyError.notImplemented("LoraConfig(init_lora_weights=\(try repr(initWeights))) (use True or False)")
        }
        let r = try toInt(try field("r"))
        guard r > 0 else { throw PyError.valueError("`r` should be a positive integer value but the value passed is \(r)") }
        let dropout = try toDouble(try field("lora_dropout"))
        guard (0..<1).contains(dropout) else { throw PyError.valueError("lora_dropout must be in [0, 1), got \(dropout)") }
        return LoRAConfig(r: r, alpha: try toDouble(try field("lora_alpha")), dropout: dropout,
                          targets: try loraTargets(try field("target_modules"), model: model),
                          useRSLoRA: try truthy(try field("use_rslora")),
                          seed: UInt64(truncatingIfNeeded: torchSeed ?? 0))
    }

    /// `target_modules`: None (the model type's defaults), "all-linear", names (list/set/tuple),
    /// or a regular expression that must match a whole module name (PEFT's `re.fullmatch`).
    private func loraTargets(_ v: Value, model: CausalLM?) throws -> LoRAConfig.Targets? {
        if v.isNone { return nil }
        if case .object(let o) = v, let s = o as? PyStr {
            if s.value == "all-linear" { return .allLinear }
            guard let model else {
                throw PyError.notImplemented("target_modules as a regular expression (\(try repr(v))) without the model; use get_peft_model")
            }
            let fullmatch = try getAttr(.object(try importModule("re")), "fullmatch")
            let matched = try model.decoder.spec.allLinears.map(\.module).filter { try !call(fullmatch, [v, .str($0)]).isNone }
            guard !matched.isEmpty else {
                throw PyError.valueError("Target modules \(s.value) not found in the base model. Please check the target modules and try again.")
            }
            return .names(matched)
        }
        let names = try iterate(v).map { try toStr($0, "target_modules") }
        guard !names.isEmpty else { throw PyError.valueError("target_modules must not be empty") }
        return .names(names)
    }

    /// What PEFT writes back into the config when it wraps `model` (get_peft_model,
    /// PeftModel.from_pretrained): the base model's name, PEFT's version, the resolved
    /// target set (defaults or "all-linear" become module names), Conv1D's fan_in_fan_out.
    func fillLoraConfig(_ config: Value, for model: PyModel) throws {
        try setAttr(config, "base_model_name_or_path", .str(model.nameOrPath))
        try setAttr(config, "peft_version", .str(PeftNativeModule.peftVersion))
        let adapted = model.model.adaptedModules
        let targets = try getAttr(config, "target_modules")
        if targets.isNone {
            try setAttr(config, "target_modules", try makeSet(Set(adapted.map(\.shortName)).sorted()))
        } else if case .object(let o) = targets, let s = o as? PyStr, s.value == "all-linear" {
            try setAttr(config, "target_modules", try makeSet(adapted.map(\.path)))
        }
        if case .gpt2 = model.model.config { try setAttr(config, "fan_in_fan_out", .bool(true)) }
    }

    func makeSet(_ names: [String]) throws -> Value {
        try call(.object(T.set), [.object(PyList(names.map { .str($0) }))])
    }

    /// adapter_config.json as PEFT's `save_pretrained` writes it: every dataclass field but
    /// `runtime_config`, sets as lists, `inference_mode` true, `auto_mapping` naming the base
    /// class when `task_type` is None; `json.dumps(indent=2, sort_keys=True)`.
    func adapterConfigJSON(_ config: Value, model: CausalLM) throws -> String {
        let fields = try getAttr(config, "__dataclass_fields__")
        let out = PyDict()
        for nameValue in try iterate(fields) {
            let name = try toStr(nameValue)
            if name == "runtime_config" { continue }
            var v = try getAttr(config, name)
            if case .object(let o) = v, o is PySet { v = .object(PyList(try iterate(v).sorted { try toStr($0) < toStr($1) })) }
            out.setString(name, v)
        }
        out.setString("inference_mode", .bool(true))
        if try getAttr(config, "task_type").isNone {
            let mapping = PyDict()
            mapping.setString("base_model_class", .str(model.config.transformersClassName))
            mapping.setString("parent_library", .str(model.config.transformersModule))
            out.setString("auto_mapping", .object(mapping))
        }
        let dumps = try getAttr(.object(try importModule("json")), "dumps")
        return try toStr(try call(dumps, [.object(out)], [("indent", .int(2)), ("sort_keys", .bool(true))]))
    }

    /// A `LoraConfig` built from a saved adapter_config.json (PeftModel.from_pretrained).
    func loraConfig(fromAdapterDirectory directory: String) throws -> Value {
        let path = directory + "/adapter_config.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PyError(T.valueError, "Can't find 'adapter_config.json' at '\(directory)'")
        }
        let loads = try getAttr(.object(try importModule("json")), "loads")
        let saved = try call(loads, [.str(String(decoding: data, as: UTF8.self))])
        let cls = try getAttr(.object(try importModule("peft")), "LoraConfig")
        let known = Set(try iterate(try getAttr(cls, "__dataclass_fields__")).map { try toStr($0) })
        var kwargs: [(String, Value)] = []
        for (k, v) in try PyDataset.kwargs(self, saved) where known.contains(k) && k != "peft_type" {
            kwargs.append((k, v))
        }
        return try call(cls, [], kwargs)
    }
}

extension CausalLM {
    /// The layers that carry LoRA adapters: module path (`transformer.h.0.attn.c_attn`),
    /// its last name, and the adapter's shapes, from the adapter store's PEFT key names.
    var adaptedModules: [(path: String, shortName: String, inDim: Int, outDim: Int, r: Int)] {
        guard let lora else { return [] }
        let prefix = "base_model.model.", suffix = ".lora_A.weight"
        return lora.store.views.compactMap { a in
            guard a.name.hasPrefix(prefix), a.name.hasSuffix(suffix), a.shape.count == 2 else { return nil }
            let path = String(a.name.dropFirst(prefix.count).dropLast(suffix.count))
            let outDim = lora.store.view(path.isEmpty ? "" : prefix + path + ".lora_B.weight")?.shape.first ?? 0
            return (path, String(path.split(separator: ".").last ?? ""), a.shape[1], outDim, a.shape[0])
        }
    }
}
