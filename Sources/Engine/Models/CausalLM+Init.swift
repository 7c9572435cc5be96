import Foundation

/// Random initialisation as transformers' `_init_weights` does for `from_config`: linear and
/// embedding weights ~ normal(0, initializer_range) (OPT: init_std), biases 0, norm weights
/// 1 and biases 0, the padding row of an embedding with `padding_idx` (OPT, Llama) zeroed,
/// and GPT-2's residual projections (`c_proj`) scaled by 1/√(2·n_layer).
extension CausalLM {
    public convenience init(config: ModelConfig, dtype: TensorDType = .F32, seed: UInt64 = 42) throws {
        let layout = ParameterLayout.causalLM(config, dtype: try CausalLM.storageDType(dtype))
        let store = try ParameterStore(specs: layout.specs, ties: layout.ties)
        try self.init(config: config, store: store, seed: seed)
        var rng = Philox(seed: seed)
        initializeWeights(rng: &rng)
    }

    /// Standard deviation of `_init_weights`' normal draws.
    var initializerRange: Float {
        switch config {
        case let .gpt2(c): return Float(c.initializerRange)
        case let .opt(c): return Float(c.initStd)
        case let .gptNeo(c): return Float(c.initializerRange)
        case let .llama(c): return Float(c.initializerRange)
        }
    }

    /// The embedding row `padding_idx` points at (zeroed at init), for families that set it.
    var paddingRow: Int? {
        switch config {
        case let .opt(c): return c.padTokenId
        case let .llama(c): return c.padTokenId
        case .gpt2, .gptNeo: return nil
        }
    }

    func initializeWeights(rng: inout Philox) {
        let spec = decoder.spec
        var norms = Set<String>()
        for n in spec.layers.flatMap({ [$0.attentionNorm, $0.mlpNorm] }) + [spec.finalNorm].compactMap({ $0 }) {
            if let w = n.weight { norms.insert(w) }
        }
        let std = initializerRange
        var residualStd = std
        if case let .gpt2(c) = config { residualStd = std / Float(2 * c.nLayer).squareRoot() }
        for view in store.views {
            var values = [Float](repeating: 0, count: view.count)
            if norms.contains(view.name) {
                values = [Float](repeating: 1, count: view.count)
            } else if view.shape.count >= 2 {
                let isGPT2Residual: Bool
                if case .gpt2 = config { isGPT2Residual = view.name.hasSuffix("c_proj.weight") } else { isGPT2Residual = false }
                values.withUnsafeMutableBufferPointer {
                    rng.fillNormal($0.baseAddress!, count: view.count, mean: 0, std: isGPT2Residual ? residualStd : std)
                }
                if view.name == spec.tokenEmbedding, let pad = paddingRow, pad >= 0, pad < view.shape[0] {
                    let width = view.count / view.shape[0]
                    for j in 0..<width { values[pad * width + j] = 0 }
                }
            }
            values.withUnsafeBufferPointer { store.write(view, from: $0) }
        }
    }
}
