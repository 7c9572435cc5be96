/// `model.resize_token_embeddings(n, pad_to_multiple_of=m)` after adding tokens to a tokenizer.
///
/// transformers 5 (`mean_resizing=True`) initialises new rows from a normal distribution with
/// the old rows' mean and 1e-5 × their covariance, falling back to the plain mean when that
/// covariance is not positive definite. sftnb uses the mean of the old rows for every new
/// row — the centre of that distribution — so results are deterministic and no d×d
/// factorisation is needed. An untied LM head is resized the same way; a tied one follows the
/// embedding. Shrinking keeps the first rows.
extension CausalLM {
    public func resizeTokenEmbeddings(to newSize: Int, padToMultipleOf: Int? = nil) throws {
        var size = newSize
        if let m = padToMultipleOf {
            guard m > 0 else { throw ParameterError("pad_to_multiple_of must be positive (got \(m))") }
            size = (size + m - 1) / m * m
        }
        guard size > 0 else { throw ParameterError("resize_token_embeddings: the new vocabulary size must be positive (got \(size))") }
        let newConfig = config.withVocabSize(size)
        let layout = ParameterLayout.causalLM(newConfig, dtype: dtype)
        let newStore = try ParameterStore(specs: layout.specs, ties: layout.ties)
        let spec = decoder.spec
        let resized: Set<String> = [spec.tokenEmbedding, "lm_head.weight"]
        for view in newStore.views {
            let old = try store.requireView(view.name)
            var values = store.floatArray(old)
            if resized.contains(view.name) {
                let width = old.count / max(old.shape[0], 1)
                let oldRows = old.shape[0]
                var mean = [Double](repeating: 0, count: width)
                for r in 0..<oldRows { for j in 0..<width { mean[j] += Double(values[r * width + j]) } }
                let meanRow = mean.map { Float($0 / Double(max(oldRows, 1))) }
                values = Array(values.prefix(min(oldRows, size) * width))
                for _ in oldRows..<max(oldRows, size) { values += meanRow }
            }
            values.withUnsafeBufferPointer { newStore.write(view, from: $0) }
        }
        let trainable = Set(store.views.filter { store.isTrainable($0) }.map(\.name))
        newStore.setTrainable { trainable.contains($0) }
        let wasTraining = training, alpha = neftuneAlpha, adapters = decoder.adapters
        decoder = try TransformerDecoder(spec: newConfig.decoderSpec, store: newStore, seed: decoder.rng.nextUInt64())
        decoder.training = wasTraining
        decoder.neftuneAlpha = alpha
        decoder.adapters = adapters
        store = newStore
        config = newConfig
    }
}

extension ModelConfig {
    /// The same config with `vocab_size` replaced.
    func withVocabSize(_ n: Int) -> ModelConfig {
        switch self {
        case var .gpt2(c): c.vocabSize = n; return .gpt2(c)
        case var .opt(c): c.vocabSize = n; return .opt(c)
        case var .gptNeo(c): c.vocabSize = n; return .gptNeo(c)
        case var .llama(c): c.vocabSize = n; return .llama(c)
        }
    }
}
