import Foundation

// Public API (LoRA, as PEFT's get_peft_model / PeftModel.from_pretrained / merge_and_unload):
//   try model.applyLoRA(LoRAConfig(r: 8, alpha: 16, dropout: 0.05, targets: .names(["q_proj", "v_proj"])))
//   model.trainableParametersSummary   // "trainable params: 1,234 || all params: ... || trainable%: 0.1234"
//   try model.saveAdapter(to: dir)     // adapter_model.safetensors + adapter_config.json
//   try model.loadAdapter(from: dir)   // PEFT's layout and key names
//   try model.mergeAndUnload()         // folds B·A into the base weights

/// The adapters attached to a model: their config, their own all-trainable float32 store
/// (keys `base_model.model.<module>.lora_A.weight` / `lora_B.weight`, PEFT's names) and one
/// `LoRALinear` per adapted layer.
public final class LoRAAdapters {
    public let config: LoRAConfig
    public let store: ParameterStore
    let layers: [LoRALinear]

    init(config: LoRAConfig, modules: [LinearSpec]) throws {
        self.config = config
        var specs: [ParameterSpec] = []
        for m in modules {
            specs.append(ParameterSpec(Self.key(m, "lora_A"), [config.r, m.inDim]))
            specs.append(ParameterSpec(Self.key(m, "lora_B"), [m.outDim, config.r]))
        }
        let store = try ParameterStore(specs: specs)
        self.store = store
        layers = try modules.enumerated().map { i, m in
            LoRALinear(layer: m, r: config.r, scaling: config.scaling, dropout: Float(config.dropout), store: store,
                       a: try store.requireView(LoRAAdapters.key(m, "lora_A")), b: try store.requireView(LoRAAdapters.key(m, "lora_B")),
                       seed: config.seed &+ UInt64(i) &* 0x9E37_79B9)
        }
    }

    static func key(_ m: LinearSpec, _ part: String) -> String { "base_model.model.\(m.module).\(part).weight" }

    /// PEFT's init, draw for draw as PyTorch makes it from `torch.manual_seed(seed)`: for each
    /// adapted module in order, `nn.Linear(in, r)` and `nn.Linear(r, out)` are built (each
    /// constructor draws its kaiming-uniform weight), then A is drawn again with
    /// kaiming_uniform(a=√5) = U(±1/√in) and B set to 0. So a seeded script's adapters (TRL seeds
    /// with `args.seed` before creating the PEFT model) start from PEFT's exact values.
    func initialize(seed: UInt64) {
        var rng = TorchGenerator(seed: seed)
        for l in layers {
            _ = Self.kaimingUniform(&rng, count: l.a.count, fanIn: l.layer.inDim)
            _ = Self.kaimingUniform(&rng, count: l.b.count, fanIn: l.r)
            let values = Self.kaimingUniform(&rng, count: l.a.count, fanIn: l.layer.inDim)
            values.withUnsafeBufferPointer { store.write(l.a, from: $0) }
        }
    }

    /// `torch.nn.init.kaiming_uniform_(w, a=math.sqrt(5))` on a float32 CPU tensor: the bound
    /// computed in double as torch's Python does, then `uniform_`.
    static func kaimingUniform(_ rng: inout TorchGenerator, count: Int, fanIn: Int) -> [Float] {
        let a = 5.0.squareRoot()
        let gain = (2.0 / (1 + a * a)).squareRoot()
        let bound = 3.0.squareRoot() * (gain / Double(fanIn).squareRoot())
        return rng.uniform(count, from: Float(-bound), to: Float(bound))
    }
}

extension CausalLM {
    /// Adds LoRA adapters (get_peft_model): base weights frozen (no gradient buffers), adapter
    /// weights trainable.
    public func applyLoRA(_ config: LoRAConfig) throws {
        guard lora == nil else { throw ParameterError("this model already has LoRA adapters; merge or remove them first") }
        guard config.r > 0 else { throw ParameterError("LoRA r must be positive (got \(config.r))") }
        guard (0..<1).contains(config.dropout) else { throw ParameterError("lora_dropout must be in [0, 1) (got \(config.dropout))") }
        let adapters = try LoRAAdapters(config: config, modules: try config.modules(in: decoder.spec, config: self.config))
        adapters.initialize(seed: config.seed)
        attach(adapters)
    }

    func attach(_ adapters: LoRAAdapters) {
        store.setTrainable { _ in false }
        for l in adapters.layers { decoder.adapters[l.layer.module] = l }
        lora = adapters
    }

    /// PEFT's print_trainable_parameters line.
    public var trainableParametersSummary: String {
        let trainable = numParameters(onlyTrainable: true), all = numParameters()
        let percent = all == 0 ? 0 : 100 * Double(trainable) / Double(all)
        return "trainable params: \(Self.grouped(trainable)) || all params: \(Self.grouped(all)) || trainable%: \(String(format: "%.4f", percent))"
    }

    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// Writes adapter_model.safetensors and adapter_config.json as PEFT's save_pretrained.
    public func saveAdapter(to directory: String) throws {
        guard let lora else { throw ParameterError("this model has no LoRA adapters to save") }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try SafetensorsWriter.write(lora.store.checkpointEntries(), to: directory + "/adapter_model.safetensors")
        let fan = lora.layers.contains { $0.layer.conv1D }
        let names = lora.layers.map { String($0.layer.module.split(separator: ".").last ?? "") }
        try AtomicFile.write(lora.config.jsonText(baseModel: sourceDirectory, modules: names, fanInFanOut: fan),
                                   to: directory + "/adapter_config.json")
    }

    /// Loads a PEFT adapter directory onto this base model (PeftModel.from_pretrained).
    public func loadAdapter(from directory: String) throws {
        let config = try LoRAConfig.load(path: directory + "/adapter_config.json")
        let file = try SafetensorsFile(path: directory + "/adapter_model.safetensors")
        let modules = decoder.spec.allLinears.filter { file.tensors[LoRAAdapters.key($0, "lora_A")] != nil }
        guard !modules.isEmpty else {
            throw ParameterError("\(directory)/adapter_model.safetensors has no lora_A weights for this model's layers (expected keys like base_model.model.<module>.lora_A.weight)")
        }
        let adapters = try LoRAAdapters(config: config, modules: modules)
        try adapters.store.load(from: SafetensorsCheckpoint(directory: directory, weightsName: "adapter_model.safetensors"))
        attach(adapters)
    }

    /// Folds every adapter into its base weight and removes the adapters (merge_and_unload).
    public func mergeAndUnload() throws {
        guard let lora else { throw ParameterError("this model has no LoRA adapters to merge") }
        for l in lora.layers { try l.merge(into: store) }
        decoder.adapters = [:]
        self.lora = nil
    }
}
