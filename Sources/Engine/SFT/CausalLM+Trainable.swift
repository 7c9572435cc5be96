/// A causal LM is what the SFT training loop trains: its own weights for a full fine-tune,
/// or its LoRA adapters when attached.
extension CausalLM: TrainableModel {
    public var trainableStores: [ParameterStore] { [lora?.store ?? store] }

    public func lossAndGradients(_ batch: TokenBatch, gradScale: Float) throws -> CrossEntropy.Result {
        try decoder.lossAndGradients(batch, gradScale: gradScale)
    }

    /// HF Trainer's `get_decay_parameter_names`: no decay for biases and LayerNorm weights.
    public func weightDecayApplies(to name: String) -> Bool {
        AdamW.decays(parameterName: name, inLayerNormModule: decoder.spec.layerNormParameterNames.contains(name))
    }

    /// The decoder's stream (dropout sites, NEFTune), then each LoRA layer's dropout stream.
    public var randomStates: [Philox] {
        get { [decoder.rng] + (lora?.layers.map(\.rng) ?? []) }
        set {
            guard let first = newValue.first else { return }
            decoder.rng = first
            for (layer, state) in zip(lora?.layers ?? [], newValue.dropFirst()) { layer.rng = state }
        }
    }
}
