import Engine
import Foundation

/// The parts of a transformers model object beyond forward/generate: `config`,
/// `generation_config`, `dtype`, `device`, `get_input_embeddings()`,
/// `resize_token_embeddings(n, pad_to_multiple_of=None)`, and `AutoModelForCausalLM.from_config`.
extension PyModel {
    /// `model.dtype`: the storage dtype of the weights.
    var dtypeValue: Value {
        .object(PyDType.named(model.dtype == .BF16 ? .bfloat16 : .float32))
    }

    /// `get_input_embeddings()`: the token embedding module.
    var inputEmbeddings: PyModuleView {
        let path: [String] = switch model.config {
        case .gpt2, .gptNeo: ["transformer", "wte"]
        case .opt: ["model", "decoder", "embed_tokens"]
        case .llama: ["model", "embed_tokens"]
        }
        var node = moduleTree
        for key in path { node = node.child(key) ?? node }
        return PyModuleView(self, node)
    }

    /// `resize_token_embeddings(new_num_tokens=None, pad_to_multiple_of=None, mean_resizing=True)`.
    func resizeTokenEmbeddings(_ rt: Interpreter, _ a: [Value]) throws -> Value {
        if !(try rt.truthy(a[2])) { throw PyError.notImplemented("resize_token_embeddings(mean_resizing=False)") }
        let multiple = a[1].isNone ? nil : try rt.toInt(a[1])
        if a[0].isNone && multiple == nil { return .object(inputEmbeddings) }
        let size = a[0].isNone ? model.config.vocabSize : try rt.toInt(a[0])
        if model.lora != nil {
            throw PyError.notImplemented("resize_token_embeddings on a model with LoRA adapters (resize before get_peft_model)")
        }
        try rt.engineCall { try model.resizeTokenEmbeddings(to: size, padToMultipleOf: multiple) }
        return .object(inputEmbeddings)
    }

    /// `AutoModelForCausalLM.from_config(config, torch_dtype=None)`: weights drawn as
    /// transformers' `_init_weights` does, from the script's torch seed; the model starts in
    /// training mode, as in transformers.
    static func fromConfig(_ rt: Interpreter, _ configValue: Value, _ kwargs: Value) throws -> Value {
        guard case .object(let o) = configValue, let config = o as? PyModelConfig else {
            throw PyError.typeError("from_config() needs a config object such as GPT2Config(...) or AutoConfig.from_pretrained(...), not '\(pyTypeName(configValue))'")
        }
        var dtype: TensorDType = .F32
        for (k, v) in try PyDataset.kwargs(rt, kwargs) {
            switch k {
            case "torch_dtype", "dtype": dtype = try storageDType(rt, v) ?? .F32
            case "trust_remote_code": continue
            case "attn_implementation":
                let impl = v.isNone ? "sdpa" : try rt.toStr(v, k)
                guard impl == "eager" || impl == "sdpa" else { throw PyError.notImplemented("attn_implementation=\(try rt.repr(.str(impl)))") }
            default: throw PyError.notImplemented("the from_config keyword argument '\(k)'")
            }
        }
        let engineConfig = try config.current()
        let seed = UInt64(truncatingIfNeeded: rt.torchSeed ?? 0)
        let model = try rt.engineCall { try CausalLM(config: engineConfig, dtype: dtype, seed: seed) }
        model.training = true   // from_config, unlike from_pretrained, leaves the model in training mode
        return .object(PyModel(model, nameOrPath: config.nameOrPath))
    }
}

/// `model.generation_config` — a live view of the engine model's generation settings — and
/// `GenerationConfig(max_new_tokens=..., ...)` built by a script (for
/// `generate(generation_config=...)`). Unset fields read as None (transformers 5 defaults every
/// field to None and applies the generation defaults at `generate` time).
final class PyGenerationConfig: NativeObject {
    /// Weak: the model holds this object (no cycle keeping a large model alive).
    private weak var ownerModel: PyModel?
    /// A script's own config (nil for a model's).
    private var own: GenerationConfig?

    init(_ owner: PyModel) {
        ownerModel = owner
        super.init(cls: PyGenerationConfig.pyClass)
    }

    init(standalone: GenerationConfig) {
        own = standalone
        super.init(cls: PyGenerationConfig.pyClass)
    }

    private var owner: PyModel {
        get throws {
            guard let ownerModel else { throw PyError.runtimeError("this generation_config's model no longer exists") }
            return ownerModel
        }
    }

    /// The current settings.
    var config: GenerationConfig {
        get throws { try own ?? owner.model.generationConfig }
    }

    static let pyClass: PyClass = NativeClass<PyGenerationConfig>("GenerationConfig", module: "transformers.generation.configuration_utils")
        .constructor("**kwargs") { rt, a in
            var values = JSONObject()
            for (k, v) in try PyDataset.kwargs(rt, a[0]) { values[k] = try rt.jsonValue(v, k) }
            return PyGenerationConfig(standalone: GenerationConfig(values))
        }
        .classMethod("from_pretrained", "pretrained_model_name, config_file_name=None, **kwargs") { rt, _, a in
            let dir = try rt.toStr(a[0], "pretrained_model_name")
            let file = a[1].isNone ? "generation_config.json" : try rt.toStr(a[1], "config_file_name")
            var config = try rt.engineCall { try GenerationConfig.load(path: dir + "/" + file) }
            for (k, v) in try PyDataset.kwargs(rt, a[2]) { config[k] = try rt.jsonValue(v, k) }
            return .object(PyGenerationConfig(standalone: config))
        }
        .method("to_dict", "") { rt, this, _ in try this.dictionary(rt, includeInternal: true) }
        .method("save_pretrained", "save_directory, config_file_name=None, push_to_hub=False, **kwargs") { rt, this, a in
            if try rt.truthy(a[2]) { throw PyError.notImplemented("push_to_hub (sftnb is offline)") }
            let dir = try rt.toStr(a[0], "save_directory")
            let file = a[1].isNone ? "generation_config.json" : try rt.toStr(a[1], "config_file_name")
            let config = try this.config
            try rt.engineCall {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                try config.save(to: dir + "/" + file)
            }
            return .none
        }
        .pyClass

    func dictionary(_ rt: Interpreter, includeInternal: Bool) throws -> Value {
        let d = PyDict()
        for (k, v) in try config.values.pairs where includeInternal || !k.hasPrefix("_") {
            d.setString(k, rt.pyValue(v))
        }
        return .object(d)
    }

    override func getAttribute(_ rt: Interpreter, _ name: String) throws -> Value? {
        if let v = try config[name] { return rt.pyValue(v) }
        return name.hasPrefix("__") ? nil : Value.none
    }

    override func setAttribute(_ rt: Interpreter, _ name: String, _ value: Value) throws {
        let json = try rt.jsonValue(value, name)
        if own != nil { own?[name] = json } else { try owner.model.generationConfig[name] = json }
    }

    /// `GenerationConfig {...}`: the non-default fields as transformers' `to_json_string`.
    override func repr(_ rt: Interpreter) throws -> String {
        let dumps = try rt.getAttr(.object(try rt.importModule("json")), "dumps")
        let text = try rt.toStr(try rt.call(dumps, [try dictionary(rt, includeInternal: false)], [("indent", .int(2)), ("sort_keys", .bool(true))]))
        return "GenerationConfig \(text)\n"
    }
}

/// `transformers.set_seed(n)`: seeds what the interpreter has — Python's `random` and the
/// torch seed that model init, LoRA init, dropout and sampling draw from.
func transformersSetSeed(_ rt: Interpreter, _ a: [Value]) throws -> Value {
    let seed = try rt.toInt(a[0])
    rt.torchSeed = seed
    _ = try rt.call(try rt.getAttr(.object(try rt.importModule("random")), "seed"), [.int(seed)])
    return .none
}
