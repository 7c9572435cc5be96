import Foundation

/// PEFT's `LoraConfig` for causal LMs: which dense layers get adapters and how they scale.
public struct LoRAConfig: Equatable, Sendable {
    public enum Targets: Equatable, Sendable {
        /// Module names: a layer matches when its path equals a name or ends with "." + name.
        case names([String])
        /// Every dense layer except the LM head (PEFT's "all-linear").
        case allLinear
    }
    public var r: Int
    public var alpha: Double
    public var dropout: Double
    public var targets: Targets?
    /// Scale alpha/√r instead of alpha/r.
    public var useRSLoRA: Bool
    public var seed: UInt64

    public init(r: Int = 8, alpha: Double = 8, dropout: Double = 0, targets: Targets? = nil,
                useRSLoRA: Bool = false, seed: UInt64 = 0) {
        self.r = r; self.alpha = alpha; self.dropout = dropout; self.targets = targets
        self.useRSLoRA = useRSLoRA; self.seed = seed
    }

    /// lora_alpha / r, or lora_alpha / √r with rsLoRA.
    public var scaling: Float { Float(useRSLoRA ? alpha / Double(r).squareRoot() : alpha / Double(r)) }

    /// PEFT's default targets per model type (TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING).
    public static func defaultTargets(for config: ModelConfig) -> [String] {
        switch config {
        case .gpt2: return ["c_attn"]
        case .opt, .gptNeo, .llama: return ["q_proj", "v_proj"]
        }
    }

    /// The dense layers of `spec` this config adapts, in model order.
    func modules(in spec: DecoderSpec, config: ModelConfig) throws -> [LinearSpec] {
        let all = spec.allLinears
        switch targets ?? .names(Self.defaultTargets(for: config)) {
        case .allLinear:
            return all
        case let .names(names):
            let chosen = all.filter { l in names.contains { l.module == $0 || l.module.hasSuffix("." + $0) } }
            if chosen.isEmpty {
                let available = Set(all.map { String($0.module.split(separator: ".").last ?? "") }).sorted()
                throw ParameterError("LoRA target_modules \(names) match no layer of this \(config.modelType) model; its dense layers are \(available.joined(separator: ", "))")
            }
            return chosen
        }
    }

    /// `adapter_config.json` as PEFT writes it (sorted keys, the same key set PEFT 0.21 writes).
    func jsonText(baseModel: String?, modules: [String], fanInFanOut: Bool) -> String {
        let targetsValue: JSONValue = .array(Set(modules).sorted().map { .string($0) })
        let pairs: [(String, JSONValue)] = [
            ("alora_invocation_tokens", .null), ("alpha_pattern", .object(JSONObject())), ("arrow_config", .null),
            ("auto_mapping", .null), ("base_model_name_or_path", baseModel.map { .string($0) } ?? .null),
            ("bias", .string("none")), ("corda_config", .null), ("ensure_weight_tying", .bool(false)),
            ("eva_config", .null), ("exclude_modules", .null), ("fan_in_fan_out", .bool(fanInFanOut)),
            ("inference_mode", .bool(true)), ("init_lora_weights", .bool(true)), ("kasa_config", .null),
            ("layer_replication", .null), ("layers_pattern", .null), ("layers_to_transform", .null),
            ("loftq_config", .object(JSONObject())), ("lora_alpha", Self.number(alpha)), ("lora_bias", .bool(false)),
            ("lora_dropout", .double(dropout)), ("lora_ga_config", .null), ("megatron_config", .null),
            ("megatron_core", .string("megatron.core")), ("modules_to_save", .null), ("monteclora_config", .null),
            ("peft_type", .string("LORA")), ("peft_version", .string("0.21.2")), ("qalora_group_size", .int(16)),
            ("r", .int(Int64(r))), ("rank_pattern", .object(JSONObject())), ("revision", .null),
            ("target_modules", targetsValue), ("target_parameters", .null), ("task_type", .string("CAUSAL_LM")),
            ("trainable_token_indices", .null), ("use_bdlora", .null), ("use_dora", .bool(false)),
            ("use_qalora", .bool(false)), ("use_rslora", .bool(useRSLoRA)), ("velora_config", .null),
        ]
        return JSONWriter.transformers.string(.object(JSONObject(pairs)))
    }

    static func number(_ x: Double) -> JSONValue {
        x == x.rounded() && abs(x) < 1e15 ? .int(Int64(x)) : .double(x)
    }

    /// Reads PEFT's adapter_config.json (r, lora_alpha, lora_dropout, target_modules, use_rslora).
    static func load(path: String) throws -> LoRAConfig {
        guard let object = try JSONValue.parse(contentsOfFile: path).objectValue else {
            throw ParameterError("\(path): expected a JSON object")
        }
        if let type = object["peft_type"]?.stringValue, type != "LORA" {
            throw ParameterError("\(path): peft_type \(type) is not supported (only LORA adapters)")
        }
        if object["use_dora"]?.boolValue == true {
            throw ParameterError("\(path): DoRA adapters (use_dora) are not implemented")
        }
        guard let r = object["r"]?.intValue, r > 0 else { throw ParameterError("\(path): missing or invalid 'r'") }
        var targets: Targets? = nil
        if let list = object["target_modules"]?.arrayValue { targets = .names(list.compactMap(\.stringValue)) }
        if object["target_modules"]?.stringValue == "all-linear" { targets = .allLinear }
        return LoRAConfig(r: r, alpha: object["lora_alpha"]?.doubleValue ?? 8, dropout: object["lora_dropout"]?.doubleValue ?? 0,
                          targets: targets, useRSLoRA: object["use_rslora"]?.boolValue ?? false)
    }
}
