import Foundation

// Public API (causal language models — what `AutoModelForCausalLM` gives Python users):
//   let model = try CausalLM.load(directory: dir, dtype: .BF16)      // config.json + safetensors
//   let model = try CausalLM(config: config, dtype: .F32, seed: 42)   // from_config: HF init
//   try model.save(to: dir, dtype: nil)                               // save_pretrained
//   model.numParameters(onlyTrainable: false); model.training = true
//   let r = try model.lossAndGradients(batch, gradScale: 1 / Float(tokensInStep))
//   let r = try model.evaluate(batch); let logits = try model.logits(batch)
//   try model.resizeTokenEmbeddings(to: 50258, padToMultipleOf: nil)
//   model.description   // transformers' print(model)
//   try model.generate(inputIDs: leftPadded, attentionMask: mask, options: GenerationOptions(...))
//   try model.generate(prompts: [[Int]], options:)                     // new tokens per prompt
//   try model.applyLoRA(LoRAConfig(...)); model.saveAdapter / loadAdapter / mergeAndUnload
//   let flat = model.trainableParameters(); model.adamWGroups()        // AdamW over one buffer
//   EngineBenchmark.run(config: .tiny)                                  // training tokens/s

/// A decoder-only language model: config, weights (`ParameterStore`, HF tensor names) and the
/// runtime (`TransformerDecoder`). Gradients accumulate in `store` across calls until the
/// caller zeroes them (`store.zeroGradients()`), as with `loss.backward()`.
public final class CausalLM {
    public internal(set) var config: ModelConfig
    public internal(set) var store: ParameterStore
    public internal(set) var decoder: TransformerDecoder
    public var generationConfig: GenerationConfig
    /// Where the model was loaded from (nil for `from_config`).
    public internal(set) var sourceDirectory: String?
    /// LoRA adapters, when attached (`applyLoRA`, `loadAdapter`); the base weights are frozen then.
    public internal(set) var lora: LoRAAdapters?

    /// Training mode (`model.train()` / `model.eval()`): dropout and NEFTune apply.
    public var training: Bool {
        get { decoder.training }
        set { decoder.training = newValue }
    }

    /// Weights stored as `dtype` (.F32, or .BF16 to halve resident memory).
    public var dtype: TensorDType { store.views.first?.dtype ?? .F32 }

    init(config: ModelConfig, store: ParameterStore, generationConfig: GenerationConfig? = nil, seed: UInt64 = 42) throws {
        self.config = config
        self.store = store
        self.generationConfig = generationConfig ?? GenerationConfig(fromModel: config)
        decoder = try TransformerDecoder(spec: config.decoderSpec, store: store, seed: seed)
    }

    /// Loads `config.json`, `generation_config.json` (if present) and `model.safetensors` (or
    /// the shards of `model.safetensors.index.json`) from `directory`. `dtype` nil keeps the
    /// checkpoint's dtype when it is BF16 and uses F32 otherwise.
    public static func load(directory: String, dtype: TensorDType? = nil) throws -> CausalLM {
        let config = try ModelConfig.load(path: directory + "/config.json")
        let checkpoint = try SafetensorsCheckpoint(directory: directory)
        let fileDType = checkpoint.files.first.flatMap { f in f.names.first.flatMap { f.tensors[$0]?.dtype } }
        let storage = try storageDType(dtype ?? (fileDType == .BF16 ? .BF16 : .F32))
        let layout = ParameterLayout.causalLM(config, dtype: storage)
        let store = try ParameterStore(specs: layout.specs, ties: layout.ties)
        try store.load(from: checkpoint)
        let generationPath = directory + "/generation_config.json"
        let generation = FileManager.default.fileExists(atPath: generationPath) ? try GenerationConfig.load(path: generationPath) : nil
        let model = try CausalLM(config: config, store: store, generationConfig: generation)
        model.sourceDirectory = directory
        return model
    }

    static func storageDType(_ dtype: TensorDType) throws -> TensorDType {
        switch dtype {
        case .F32, .BF16: return dtype
        case .F16: return .F32   // float16 checkpoints compute in float32 (no fp16 kernels)
        default: throw ParameterError("model dtype \(dtype.rawValue) is not supported; use float32 or bfloat16")
        }
    }

    /// Writes what `save_pretrained` writes: config.json, generation_config.json and
    /// model.safetensors (sharded above 5 GB), tied weights once.
    public func save(to directory: String, dtype: TensorDType? = nil) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try config.save(to: directory + "/config.json")
        try generationConfig.save(to: directory + "/generation_config.json")
        try store.save(to: directory, dtype: dtype)
    }

    /// `model.num_parameters(only_trainable=, exclude_embeddings=)`: tied weights counted once,
    /// LoRA adapters included (as PEFT's counts); `excludeEmbeddings` leaves out the tables
    /// transformers builds as `nn.Embedding` (token and learned position embeddings — a tied LM
    /// head goes with them, an untied one stays). The Trainer's `total_flos` uses that count.
    public func numParameters(onlyTrainable: Bool = false, excludeEmbeddings: Bool = false) -> Int {
        let adapters = lora.map { onlyTrainable ? $0.store.trainableParameterCount : $0.store.parameterCount } ?? 0
        var count = adapters + (onlyTrainable ? store.trainableParameterCount : store.parameterCount)
        if excludeEmbeddings {
            let spec = decoder.spec
            for name in [spec.tokenEmbedding] + (spec.positionEmbedding.map { [$0.name] } ?? []) {
                if let view = store.view(name), !onlyTrainable || store.isTrainable(view) { count -= view.count }
            }
        }
        return count
    }

    /// Forward + backward: gradients of gradScale · Σ token losses are added to the store.
    public func lossAndGradients(_ batch: TokenBatch, gradScale: Float? = nil) throws -> CrossEntropy.Result {
        try decoder.lossAndGradients(batch, gradScale: gradScale)
    }

    /// Loss and accuracy without gradients.
    public func evaluate(_ batch: TokenBatch) throws -> CrossEntropy.Result {
        try decoder.evaluate(batch)
    }

    /// rows × columns × vocab logits.
    public func logits(_ batch: TokenBatch) throws -> [Float] {
        try decoder.logits(batch)
    }

    /// NEFTune noise alpha for training (nil: off).
    public var neftuneAlpha: Float? {
        get { decoder.neftuneAlpha }
        set { decoder.neftuneAlpha = newValue }
    }

    /// What trains (the LoRA adapters when attached, else the model's trainable views) as
    /// flat float32 values and gradients for AdamW; see `FlatParameters.writeBack()`.
    public func trainableParameters() -> FlatParameters {
        FlatParameters(store: lora?.store ?? store)
    }

    /// Zeroes the gradients of whatever trains (the adapters or the model).
    public func zeroGradients() {
        store.zeroGradients()
        lora?.store.zeroGradients()
    }

    /// AdamW parameter groups over the flat buffer: weight decay on the views HF's Trainer
    /// decays (`get_decay_parameter_names`: not biases, not norms).
    public func adamWGroups() -> [AdamW.Group] {
        Self.adamWGroups(lora?.store ?? store, spec: decoder.spec)
    }

    static func adamWGroups(_ store: ParameterStore, spec: DecoderSpec) -> [AdamW.Group] {
        let normNames = spec.layerNormParameterNames
        var groups: [AdamW.Group] = []
        for view in store.views where store.isTrainable(view) {
            guard let g = store.gradient(view), let base = store.allGradients.baseAddress, let p = g.baseAddress else { continue }
            let start = p - base
            groups.append(AdamW.Group(range: start..<(start + view.count),
                                      decay: AdamW.decays(parameterName: view.name, inLayerNormModule: normNames.contains(view.name))))
        }
        return groups
    }
}
