/// A causal LM is what the SFT training loop trains: its own weights for a full fine-tune,
/// or its LoRA adapters when attached.
extension CausalLM: TrainableModel {
    public var trainableStores: [ParameterStore] { [lora?.store ?? store] }

    public func lossAndGradients(_ batch: TokenBatch, gradScale: Float) throws -> CrossEntropy.Result {
        try decoder.lossAndGradients(batch, gradScale: gradScale)
    }

    /// HF Trainer's `get_decay_parameter_names`: no decay for biases and LayerNorm weights.
    public func weightDecayApplies(to name: String) -> Bool {
        var normNames = Set<String>()
        let spec = decoder.spec
        for layer in spec.layers {
            for n in [layer.attentionNorm, layer.mlpNorm] where n.kind == .layerNorm {
                normNames.formUnion([n.weight, n.bias].compactMap { $0 })
            }
        }
        if let n = spec.finalNorm, n.kind == .layerNorm { normNames.formUnion([n.weight, n.bias].compactMap { $0 }) }
        return AdamW.decays(parameterName: name, inLayerNormModule: normNames.contains(name))
    }
}
