/// A causal LM is what the SFT training loop trains: its own weights for a full fine-tune,
/// or its LoRA adapters when attached.
extension CausalLM: TrainableModel {
    public var trainableStores: [ParameterStore] { [lora?.store ?? store] }

    public var flopsParameterCount: Int { numParameters(excludeEmbeddings: true) }

    public func lossAndGradients(_ batch: TokenBatch, gradScale: Float) throws -> CrossEntropy.Result {
        try decoder.lossAndGradients(batch, gradScale: gradScale)
    }

    /// The decoder's stream (dropout, NEFTune) from `seed`, each LoRA layer's dropout from a
    /// seed derived from `seed` and its index, so no two streams coincide.
    public func reseed(_ seed: UInt64) {
        decoder.rng = Philox(seed: seed)
        for (index, layer) in (lora?.layers ?? []).enumerated() {
            layer.rng = Philox(seed: StreamSeed.derive(seed, UInt64(index)))
        }
    }

    /// HF Trainer's `get_decay_parameter_names`: no decay for biases and LayerNorm weights.
    public func weightDecayApplies(to name: String) -> Bool {
        AdamW.decays(parameterName: name, inLayerNormModule: decoder.spec.layerNormParameterNames.contains(name))
    }
}
