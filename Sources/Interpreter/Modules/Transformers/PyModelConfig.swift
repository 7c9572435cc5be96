import Engine
import Foundation

/// `model.config` and the config classes scripts build (`GPT2Config(n_layer=2, ...)`,
/// `OPTConfig`, `GPTNeoConfig`, `LlamaConfig`, `AutoConfig.from_pretrained`). The values live
/// in the engine's `ModelConfig` (transformers' defaults, aliases such as GPT-2's
/// `hidden_size` → `n_embd`, validation); setting an attribute re-parses the dictionary, so a
/// bad value fails where it is set.
///
/// A model's config is a live view: it reads the engine model's config (which
/// `resize_token_embeddings` changes) with the keys the script set on top, and the model's
/// `save_pretrained` writes those keys too. Changing a size there does not rebuild the model,
/// as in transformers.
final class PyModelConfig: NativeObject {
    /// A standalone config's values (nil for a model's config).
    private var own: ModelConfig?
    /// The model this config belongs to.
    private weak var owner: PyModel?
    /// Keys a script set on a model's config.
    private(set) var overrides: [(String, JSONValue)] = []
    var nameOrPath: String

    init(_ config: ModelConfig, nameOrPath: String = "") {
        own = config
        self.nameOrPath = nameOrPath
        super.init(cls: PyModelConfig.familyClass(config.modelType))
    }

    init(owner: PyModel) {
        self.owner = owner
        nameOrPath = owner.nameOrPath
        super.init(cls: PyModelConfig.familyClass(owner.model.config.modelType))
    }

    /// The current values (a model's config with the script's overrides applied).
    func current() throws -> ModelConfig {
        if let own { return own }
        guard let owner else { throw PyError.runtimeError("this config's model no longer exists") }
        guard !overrides.isEmpty else { return owner.model.config }
        var object = owner.model.config.family.jsonObject()
        for (k, v) in overrides { object[k] = v }
        return try Self.parse(object)
    }

    static func parse(_ object: JSONObject) throws -> ModelConfig {
        do {
            return try ModelConfig(object, source: "config")
        } catch {
            throw PyError.valueError("\(error)")
        }
    }

    /// transformers' `attribute_map` of this family (`hidden_size` → `n_embd` for GPT-2).
    private func field(_ name: String, _ config: ModelConfig) -> String {
        type(of: config.family).attributeMap[name] ?? name
    }

    override func getAttribute(_ rt: Interpreter, _ name: String) throws -> Value? {
        let config = try current()
        switch name {
        case "_name_or_path", "name_or_path": return .str(nameOrPath)
        case "model_type": return .str(config.modelType)
        case "dtype", "torch_dtype":
            switch config.dtype {
            case .BF16?: return .object(PyDType.named(.bfloat16))
            case .F16?: return .object(PyDType.named(.float16))
            case .F32?: return .object(PyDType.named(.float32))
            default: return .none
            }
        default: break
        }
        if let v = config.family.jsonObject()[field(name, config)] { return rt.pyValue(v) }
        return Self.commonAttributes[name].map { rt.pyValue($0) }
    }

    override func setAttribute(_ rt: Interpreter, _ name: String, _ value: Value) throws {
        if name == "_name_or_path" || name == "name_or_path" { nameOrPath = try rt.toStr(value, name); return }
        let config = try current()
        let key = name == "torch_dtype" ? "dtype" : field(name, config)
        let json = try rt.jsonValue(value, name)
        if owner != nil {
            var object = config.family.jsonObject()
            object[key] = json
            _ = try Self.parse(object)   // validate now
            overrides.removeAll { $0.0 == key }
            overrides.append((key, json))
        } else {
            var object = config.family.jsonObject()
            object[key] = json
            own = try Self.parse(object)
        }
    }

    override func repr(_ rt: Interpreter) throws -> String {
        "\(cls.name) \(try current().jsonText())"
    }

    /// `PretrainedConfig` attributes every config has that config.json does not carry.
    static let commonAttributes: [String: JSONValue] = [
        "output_hidden_states": .bool(false), "output_attentions": .bool(false), "return_dict": .bool(true),
        "use_return_dict": .bool(true), "is_encoder_decoder": .bool(false), "chunk_size_feed_forward": .int(0),
        "problem_type": .null, "num_labels": .int(2), "architectures": .null,
        "id2label": .object(JSONObject([("0", .string("LABEL_0")), ("1", .string("LABEL_1"))])),
        "label2id": .object(JSONObject([("LABEL_0", .int(0)), ("LABEL_1", .int(1))])),
    ]

    /// `config.to_dict()`: config.json's keys plus `PretrainedConfig`'s own (id2label with
    /// int keys, as in Python).
    func toDict(_ rt: Interpreter) throws -> Value {
        let out = PyDict()
        let config = try current()
        for (k, v) in config.family.jsonObject().pairs { out.setString(k, rt.pyValue(v)) }
        for k in ["output_hidden_states", "return_dict", "chunk_size_feed_forward", "is_encoder_decoder", "problem_type", "output_attentions"]
        where out.table.get(HashKey(value: .str(k), hash: k.hashValue)) == nil {
            out.setString(k, rt.pyValue(Self.commonAttributes[k] ?? .null))
        }
        let id2label = PyDict()
        try rt.setItem(.object(id2label), .int(0), .str("LABEL_0"))
        try rt.setItem(.object(id2label), .int(1), .str("LABEL_1"))
        out.setString("id2label", .object(id2label))
        out.setString("label2id", rt.pyValue(Self.commonAttributes["label2id"] ?? .null))
        out.setString("_name_or_path", .str(nameOrPath))
        return .object(out)
    }

    // MARK: - Classes

    static let baseClass: PyClass = NativeClass<PyModelConfig>("PreTrainedConfig", module: "transformers.configuration_utils")
        .method("to_dict", "") { rt, this, _ in try this.toDict(rt) }
        .method("to_json_string", "use_diff=True") { _, this, _ in .str(try this.current().jsonText()) }
        .method("save_pretrained", "save_directory, push_to_hub=False, **kwargs") { rt, this, a in
            if try rt.truthy(a[1]) { throw PyError.notImplemented("push_to_hub (sftnb is offline)") }
            let dir = try rt.toStr(a[0], "save_directory")
            let config = try this.current()
            try rt.engineCall {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                try config.save(to: dir + "/config.json")
            }
            return .none
        }
        .classMethod("from_pretrained", "pretrained_model_name_or_path, **kwargs") { rt, cls, a in
            try load(rt, a[0], a[1], expectedType: familyClasses.first { $0.value === cls }?.key)
        }
        .pyClass

    /// Class names per model type, with their modules (`configuration_gpt2`).
    static let familyNames: [String: String] = ["gpt2": "GPT2Config", "opt": "OPTConfig", "gpt_neo": "GPTNeoConfig", "llama": "LlamaConfig"]

    static let familyClasses: [String: PyClass] = Dictionary(uniqueKeysWithValues: familyNames.map { type, name in
        (type, NativeClass<PyModelConfig>(name, module: "transformers.models.\(type).configuration_\(type)", base: baseClass)
            .constructor("**kwargs") { rt, a in try make(rt, type, a[0]) }
            .value("model_type", .str(type))
            .pyClass)
    })

    static func familyClass(_ type: String) -> PyClass { familyClasses[type] ?? baseClass }

    /// `GPT2Config(n_layer=2, ...)`: transformers' defaults with the keyword arguments on top.
    static func make(_ rt: Interpreter, _ type: String, _ kwargs: Value) throws -> PyModelConfig {
        var object = JSONObject([("model_type", .string(type))])
        var name = ""
        for (k, v) in try PyDataset.kwargs(rt, kwargs) {
            if k == "name_or_path" || k == "_name_or_path" { name = try rt.toStr(v, k); continue }
            object[k == "torch_dtype" ? "dtype" : k] = try rt.jsonValue(v, k)
        }
        return PyModelConfig(try parse(object), nameOrPath: name)
    }

    /// `AutoConfig.from_pretrained` / `GPT2Config.from_pretrained`: config.json from a local
    /// folder, the Hugging Face cache or the bundled models; keyword arguments override keys.
    static func load(_ rt: Interpreter, _ idValue: Value, _ kwargs: Value, expectedType: String?) throws -> Value {
        let id = try rt.toStr(idValue, "pretrained_model_name_or_path")
        var revision = "main"
        var overrides: [(String, JSONValue)] = []
        for (k, v) in try PyDataset.kwargs(rt, kwargs) {
            switch k {
            case "revision": revision = try rt.toStr(v, k)
            case "trust_remote_code", "cache_dir", "token", "local_files_only", "force_download": continue
            case "return_unused_kwargs": throw PyError.notImplemented("from_pretrained(return_unused_kwargs=True)")
            default: overrides.append((k == "torch_dtype" ? "dtype" : k, try rt.jsonValue(v, k)))
            }
        }
        let resolver = ModelResolver(stdlibRoot: ModuleLoader.stdlibDirectory())
        let directory: String
        do {
            directory = try resolver.resolve(id, requiring: [["config.json"]], revision: revision, what: "config").directory
        } catch let e as ModelResolver.NotFound {
            throw PyError(T.osError, "Can't load the configuration of '\(id)'. sftnb is offline; it looked in:\n" + e.looked.map { "  - " + $0 }.joined(separator: "\n"))
        }
        var config = try rt.engineCall { try ModelConfig.load(path: directory + "/config.json") }
        if !overrides.isEmpty {
            var object = config.family.jsonObject()
            for (k, v) in overrides { object[k] = v }
            config = try parse(object)
        }
        if let expectedType, expectedType != config.modelType {
            throw PyError.valueError("\(id) has model_type '\(config.modelType)', not '\(expectedType)'; use AutoConfig.from_pretrained")
        }
        return .object(PyModelConfig(config, nameOrPath: id))
    }
}

/// `AutoConfig`: only `from_pretrained` and `for_model`, like transformers.
final class AutoConfig: NativeObject {
    static let pyClass: PyClass = NativeClass<AutoConfig>("AutoConfig", module: "transformers.models.auto.configuration_auto")
        .constructor("*args, **kwargs") { _, _ in
            throw PyError(T.osError, "AutoConfig is designed to be instantiated using the `AutoConfig.from_pretrained(pretrained_model_name_or_path)` method.")
        }
        .classMethod("from_pretrained", "pretrained_model_name_or_path, **kwargs") { rt, _, a in
            try PyModelConfig.load(rt, a[0], a[1], expectedType: nil)
        }
        .classMethod("for_model", "model_type, **kwargs") { rt, _, a in
            let type = try rt.toStr(a[0], "model_type")
            guard PyModelConfig.familyNames[type] != nil else {
                throw PyError.valueError("Unrecognized model identifier: \(type). sftnb supports \(ModelConfig.supportedModelTypes.joined(separator: ", "))")
            }
            return .object(try PyModelConfig.make(rt, type, a[1]))
        }
        .pyClass
}
