import Foundation

/// A Hugging Face causal-LM directory loaded into memory: its config, its weights in a
/// `ParameterStore`, and its generation config — what `from_pretrained` reads and
/// `save_pretrained` writes (`config.json`, `generation_config.json`, `model.safetensors`
/// or shards + index), laid out and named exactly as transformers does.
public struct PretrainedWeights {
    public var config: ModelConfig
    public let store: ParameterStore
    public var generation: GenerationConfig?
    public let directory: String
    public let report: ParameterLoadReport
    /// Things the caller should tell the user (e.g. float16 weights held as float32).
    public let warnings: [String]

    /// Loads `directory`. `dtype` nil means transformers 5's default `"auto"`: the config's
    /// `dtype`/`torch_dtype`, else the dtype of the checkpoint's first floating tensor.
    public static func load(directory: String, dtype requested: TensorDType? = nil) throws -> PretrainedWeights {
        let config = try ModelConfig.load(path: directory + "/config.json")
        let checkpoint = try SafetensorsCheckpoint(directory: directory)
        let (storage, warning) = try storageDType(requested: requested, config: config, checkpoint: checkpoint)
        let layout = ParameterLayout.causalLM(config, dtype: storage)
        let store = try ParameterStore(specs: layout.specs, ties: layout.ties)
        let report = try store.load(from: checkpoint)
        let generationPath = directory + "/generation_config.json"
        let generation = FileManager.default.fileExists(atPath: generationPath)
            ? try GenerationConfig.load(path: generationPath) : nil
        return PretrainedWeights(config: config, store: store, generation: generation, directory: directory,
                                 report: report, warnings: warning.map { [$0] } ?? [])
    }

    /// The storage dtype for a load: the request, else the config's, else the checkpoint's.
    /// float16 (which sftnb does not compute in) is held as float32, with a warning.
    public static func storageDType(requested: TensorDType?, config: ModelConfig,
                                    checkpoint: SafetensorsCheckpoint) throws -> (TensorDType, String?) {
        var dtype = requested ?? config.dtype
        if dtype == nil {
            dtype = checkpoint.names.lazy.compactMap { checkpoint.info($0)?.dtype }.first { $0.isFloatingCompute }
        }
        switch dtype ?? .F32 {
        case .F32: return (.F32, nil)
        case .BF16: return (.BF16, nil)
        case .F16:
            return (.F32, "\(checkpoint.directory): float16 weights are held as float32 (sftnb computes in float32 and stores bf16 or f32); pass torch_dtype=torch.bfloat16 to halve memory")
        case let other:
            throw ParameterError("\(checkpoint.directory): cannot hold weights as \(other.torchName) (use float32 or bfloat16)")
        }
    }

    /// Writes the directory as `save_pretrained` does: `config.json` (with `architectures`
    /// and `dtype` of the weights), `generation_config.json`, and the weights in `dtype`
    /// (default: as stored), sharded above `maxShardSize`.
    public static func save(config: ModelConfig, store: ParameterStore, generation: GenerationConfig? = nil,
                            to directory: String, dtype: TensorDType? = nil,
                            maxShardSize: Int = ShardedSave.defaultMaxShardSize) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var config = config
        config.setRaw("architectures", .array([.string(config.causalLMArchitecture)]))
        config.dtype = dtype ?? store.views.first?.dtype ?? .F32
        try config.save(to: directory + "/config.json")
        try (generation ?? GenerationConfig(fromModel: config)).save(to: directory + "/generation_config.json")
        try store.save(to: directory, dtype: dtype, maxShardSize: maxShardSize)
    }
}
