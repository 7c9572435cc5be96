import Engine
import Foundation

/// `_peft`: the engine-backed part of `peft` (stdlib/peft.py re-exports it): `get_peft_model`,
/// `PeftModel` (`from_pretrained`), `PeftModelForCausalLM`.
///
/// API for other bindings (SFTTrainer with `peft_config=`):
/// ```
/// let lora = try rt.engineLoRAConfig(loraConfigValue)      // Python LoraConfig → engine LoRAConfig
/// let lora = try rt.engineLoRAConfig(value, for: causalLM)  // ... resolving a regex target_modules
/// let peft = try getPeftModel(rt, pyModel, loraConfigValue) // adapters applied, a PeftModelForCausalLM value
/// let pyModel = try rt.engineModel(value, "model")          // the PyModel behind a model or PEFT model
/// let causalLM = pyModel.model                              // its engine CausalLM
/// ```
enum PeftNativeModule: NativeModule {
    static let name = "_peft"
    /// The PEFT release whose behaviour and file layout sftnb follows.
    static let peftVersion = "0.21.2"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name, doc: "Engine-backed peft classes (LoRA adapters).")
        m.function("get_peft_model", "model, peft_config, adapter_name='default', mixed=False, autocast_adapter_dtype=True, revision=None, low_cpu_mem_usage=False") { rt, a in
            if try rt.toStr(a[2], "adapter_name") != "default" { throw PyError.notImplemented("adapter_name other than 'default'") }
            if try rt.truthy(a[3]) { throw PyError.notImplemented("get_peft_model(mixed=True)") }
            if !a[5].isNone { try rt.setAttr(a[1], "revision", a[5]) }
            return try getPeftModel(rt, try rt.engineModel(a[0], "model"), a[1])
        }
        m.add(PyPeftModel.peftModelClass)
        m.add(PyPeftModel.causalLMClass)
        m.add(PyLoraModel.pyClass)
        return m.module
    }
}

/// `get_peft_model(model, peft_config)`: attaches LoRA adapters to `model`'s engine model (in
/// place, as PEFT does) and returns the PEFT wrapper — `PeftModelForCausalLM` for
/// `task_type="CAUSAL_LM"`, `PeftModel` when task_type is None. The config object is updated
/// as PEFT updates it (base model name, resolved target modules, ...).
func getPeftModel(_ rt: Interpreter, _ model: PyModel, _ config: Value) throws -> Value {
    let lora = try rt.engineLoRAConfig(config, for: model.model)
    if model.model.lora != nil {
        throw PyError.valueError("this model already has LoRA adapters; call merge_and_unload() first, or pass the base model")
    }
    do {
        try model.model.applyLoRA(lora)
    } catch {
        if case .names(let names) = lora.targets ?? .allLinear {
            throw PyError(T.valueError, "Target modules \(try rt.repr(try rt.makeSet(names))) not found in the base model. Please check the target modules and try again.")
        }
        throw PyError.runtimeError("\(error)")
    }
    if case .bool(false) = try rt.getAttr(config, "init_lora_weights") { randomizeLoRAB(model.model, seed: lora.seed) }
    if try rt.truthy(try rt.getAttr(config, "inference_mode")) { model.model.lora?.store.setTrainable { _ in false } }
    try rt.fillLoraConfig(config, for: model)
    let task = try rt.getAttr(config, "task_type")
    return .object(PyPeftModel(model, config: config, cls: task.isNone ? PyPeftModel.peftModelClass : PyPeftModel.causalLMClass))
}

/// `init_lora_weights=False`: PEFT leaves both A and B at nn.Linear's default init, so B is
/// U(±1/√r) too and the adapter changes the output from the start.
private func randomizeLoRAB(_ model: CausalLM, seed: UInt64) {
    guard let store = model.lora?.store else { return }
    var rng = Philox(seed: seed ^ 0xB0B0_B0B0_B0B0_B0B0)
    for view in store.views where view.name.hasSuffix(".lora_B.weight") {
        let bound = 1 / Float(view.shape.last ?? 1).squareRoot()
        var values = [Float](repeating: 0, count: view.count)
        values.withUnsafeMutableBufferPointer { rng.fillUniform($0.baseAddress!, count: view.count, low: -bound, high: bound) }
        values.withUnsafeBufferPointer { store.write(view, from: $0) }
    }
}

extension Interpreter {
    /// The `PyModel` behind a model value: an `AutoModelForCausalLM` model or a PEFT model
    /// wrapping one. `what` names the argument in the error.
    func engineModel(_ v: Value, _ what: String) throws -> PyModel {
        if case .object(let o) = v {
            if let m = o as? PyModel { return m }
            if let p = o as? PyPeftModel { return p.base }
            if let l = o as? PyLoraModel { return l.base }
        }
        throw PyError.typeError("\(what) must be a model from AutoModelForCausalLM.from_pretrained or get_peft_model, not '\(typeName(v))'")
    }
}
