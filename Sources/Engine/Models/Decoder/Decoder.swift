import Foundation

// Public API (decoder runtime; most callers use `CausalLM`):
//   let decoder = try TransformerDecoder(spec: config.decoderSpec, store: store)
//   decoder.training = true; decoder.neftuneAlpha = 5
//   let r = try decoder.lossAndGradients(batch, gradScale: 1 / Float(tokens))  // grads += into store
//   let r = try decoder.evaluate(batch)          // CrossEntropy.Result, no gradients
//   let logits = try decoder.logits(batch)       // rows × columns × vocab

/// (Named TransformerDecoder: `Decoder` is Swift's Codable protocol.)
/// Runs any `DecoderSpec` forward and backward over a `TokenBatch`, llm.c style: forward keeps
/// what backward needs in an activation arena (`DecoderActivations`) laid out once per batch
/// shape and reused; backward ACCUMULATES into the store's gradient buffers, and only for
/// trainable views (a frozen weight costs no weight-gradient product). The LM head and loss are
/// fused and chunked (`CrossEntropy.forwardBackward`), so (N × vocab) logits never exist in
/// training.
public final class TransformerDecoder {
    public let spec: DecoderSpec
    public let store: ParameterStore
    /// Training mode: dropout (at the spec's rates) and NEFTune noise are applied.
    public var training = false
    /// NEFTune's alpha (`neftune_noise_alpha`): uniform noise on the input embeddings in training.
    public var neftuneAlpha: Float?
    /// Seeds dropout masks and NEFTune noise, one draw per site per step.
    public var rng: Philox
    /// LoRA (or other) adapters on dense layers, by module name (`LinearSpec.module`).
    var adapters: [String: LinearAdapter] = [:]

    let weights: DecoderWeights
    let activations: [Activation?]
    let ropes: [RoPE?]
    var arena: DecoderActivations?
    var inputs: DecoderInputs?
    /// 1 and 0 vectors for non-affine LayerNorms (OPT `layer_norm_elementwise_affine=False`).
    let ones: [Float], zeros: [Float]

    public init(spec: DecoderSpec, store: ParameterStore, seed: UInt64 = 42) throws {
        self.spec = spec
        self.store = store
        rng = Philox(seed: seed)
        weights = try DecoderWeights(store: store, spec: spec)
        activations = try spec.layers.map { layer in
            if case let .standard(_, _, name) = layer.mlp.kind { return try Activation(hfName: name) }
            return nil
        }
        ropes = try spec.layers.map { layer in
            // RoPE rotates contiguous (N, heads·headDim) rows; no family fuses q|k|v and uses RoPE.
            if case .fused = layer.attention.projections, layer.attention.ropeTheta != nil {
                throw KernelError("a fused q|k|v projection with rotary embeddings is not supported; use separate q/k/v projections")
            }
            return try layer.attention.ropeTheta.map { try RoPE(headDim: layer.attention.headDim, theta: $0) }
        }
        let wide = max(spec.hiddenSize, spec.embeddingDim)
        ones = [Float](repeating: 1, count: wide)
        zeros = [Float](repeating: 0, count: wide)
    }

    // MARK: - Entry points

    /// Forward, fused LM head + loss, and backward: gradients of gradScale · Σ token losses are
    /// ADDED to the trainable views' gradients. `gradScale` nil means 1 / (this batch's
    /// supervised tokens), i.e. HF's mean loss.
    public func lossAndGradients(_ batch: TokenBatch, gradScale: Float? = nil) throws -> CrossEntropy.Result {
        let a = try forward(batch)
        guard let inputs else { preconditionFailure("forward sets inputs") }
        let n = a.tokens, e = spec.embeddingDim
        let count = CrossEntropy.count(inputs.targets, rows: n)
        let scale = gradScale ?? (count == 0 ? 0 : 1 / Float(count))
        a.dResidual.update(repeating: 0, count: n * e)
        weights.reset()
        let result = try CrossEntropy.forwardBackward(
            hidden: a.headInput, weight: weights.get(spec.lmHead), targets: inputs.targets,
            rows: n, dim: e, vocab: spec.vocabSize, gradScale: scale,
            dHidden: a.dResidual, dWeight: weights.gradient(spec.lmHead),
            chunkRows: a.lossChunkRows, scratch: a.lossScratch)
        try backward(a, inputs: inputs)
        return result
    }

    /// The loss over the batch without gradients.
    public func evaluate(_ batch: TokenBatch) throws -> CrossEntropy.Result {
        let a = try forward(batch)
        guard let inputs else { preconditionFailure("forward sets inputs") }
        weights.reset()
        return try CrossEntropy.forwardBackward(
            hidden: a.headInput, weight: weights.get(spec.lmHead), targets: inputs.targets,
            rows: a.tokens, dim: spec.embeddingDim, vocab: spec.vocabSize, gradScale: 1,
            dHidden: nil, dWeight: nil, chunkRows: a.lossChunkRows, scratch: a.lossScratch)
    }

    /// Logits (rows × columns × vocab), row-major. `positions` overrides the computed ones.
    public func logits(_ batch: TokenBatch, positions: [Int]? = nil) throws -> [Float] {
        let a = try forward(batch, positions: positions)
        let n = a.tokens, v = spec.vocabSize
        var out = [Float](repeating: 0, count: n * v)
        weights.reset()
        let w = weights.get(spec.lmHead)
        out.withUnsafeMutableBufferPointer { o in
            LMHead.logits(out: o.baseAddress!, hidden: a.headInput, weight: w, rows: n, dim: spec.embeddingDim, vocab: v)
        }
        return out
    }

    // MARK: - Forward

    /// Runs embeddings, blocks and the final norm / project_out into the arena.
    @discardableResult
    func forward(_ batch: TokenBatch, positions: [Int]? = nil) throws -> DecoderActivations {
        let inputs = try DecoderInputs(batch, spec: spec, explicitPositions: positions)
        self.inputs = inputs
        let a: DecoderActivations
        if let arena, arena.rows == batch.rows, arena.columns == batch.columns, arena.threads >= Parallel.threadCount {
            a = arena
        } else {
            a = try DecoderActivations(spec: spec, rows: batch.rows, columns: batch.columns, reusing: arena)
            arena = a
        }
        let useDropout = training && !spec.dropout.isZero
        a.dropoutSeeds = useDropout ? (0..<(1 + 4 * spec.layers.count)).map { _ in rng.nextUInt64() } : []
        try embed(a, inputs)
        var x = a.hidden0
        for (i, layer) in spec.layers.enumerated() {
            try layerForward(i, layer, a.layers[i], input: x, a, inputs)
            x = a.layers[i].out
        }
        weights.reset()
        if let norm = spec.finalNorm {
            normForward(norm, x: x, out: a.finalNorm, mean: a.finalMean, rstd: a.finalRstd, rows: a.tokens)
        }
        if let p = spec.projectOut { linearForward(p, x: a.finalNorm, y: a.headInput, rows: a.tokens) }
        return a
    }

    /// The dropout of one site this step (nil when off): site 0 is the embeddings, then four
    /// per layer (attention probs, attention output, activation, MLP output).
    func dropout(_ a: DecoderActivations, site: Int, rate: Float) throws -> DropoutSpec? {
        guard rate > 0, site < a.dropoutSeeds.count else { return nil }
        return try DropoutSpec(p: rate, seed: a.dropoutSeeds[site])
    }

    private func embed(_ a: DecoderActivations, _ inputs: DecoderInputs) throws {
        let n = a.tokens, e = spec.embeddingDim, d = spec.hiddenSize
        weights.reset()
        try Embedding.forward(out: a.embedded, ids: inputs.ids, table: weights.get(spec.tokenEmbedding),
                              count: n, rows: spec.vocabSize, dim: e)
        if training, let alpha = neftuneAlpha {
            NEFTune.addNoise(a.embedded, batch: a.rows, seqLen: a.columns, dim: e, alpha: alpha, rng: &rng)
        }
        if let p = spec.projectIn { linearForward(p, x: a.embedded, y: a.hidden0, rows: n) }
        if let pos = spec.positionEmbedding {
            try Embedding.forward(out: a.hidden0, ids: inputs.positions, table: weights.get(pos.name),
                                  count: n, rows: pos.count, dim: d, offset: pos.offset, accumulate: true)
        }
        if let drop = try dropout(a, site: 0, rate: spec.dropout.embedding) {
            Dropout.apply(a.hidden0, count: n * d, spec: drop)
        }
    }

    private func layerForward(_ i: Int, _ layer: LayerSpec, _ l: DecoderActivations.Layer,
                              input x: UnsafeMutablePointer<Float>, _ a: DecoderActivations, _ inputs: DecoderInputs) throws {
        let n = a.tokens, d = spec.hiddenSize
        let site = 1 + 4 * i
        weights.reset()
        // Attention sublayer.
        if layer.preNorm { normForward(layer.attentionNorm, x: x, out: l.norm1, mean: l.mean1, rstd: l.rstd1, rows: n) }
        try attentionForward(i, layer.attention, l, a, inputs, site: site)
        let branch = a.dBranch   // free during forward
        linearForward(layer.attention.output, x: l.attn, y: branch, rows: n)
        if let drop = try dropout(a, site: site + 1, rate: spec.dropout.residual) { Dropout.apply(branch, count: n * d, spec: drop) }
        Residual.add(out: l.sum1, a: x, b: branch, count: n * d)
        if !layer.preNorm { normForward(layer.attentionNorm, x: l.sum1, out: l.norm2, mean: l.mean1, rstd: l.rstd1, rows: n) }
        // MLP sublayer.
        if layer.preNorm { normForward(layer.mlpNorm, x: l.sum1, out: l.norm2, mean: l.mean2, rstd: l.rstd2, rows: n) }
        switch layer.mlp.kind {
        case let .standard(fc1, fc2, _):
            linearForward(fc1, x: l.norm2, y: l.fc, rows: n)
            activations[i]?.forward(y: l.act, x: l.fc, count: n * fc1.outDim)
            if let drop = try dropout(a, site: site + 2, rate: spec.dropout.activation) {
                Dropout.apply(l.act, count: n * fc1.outDim, spec: drop)
            }
            linearForward(fc2, x: l.act, y: branch, rows: n)
        case let .gated(gate, up, down):
            linearForward(gate, x: l.norm2, y: l.fc, rows: n)
            linearForward(up, x: l.norm2, y: l.up!, rows: n)
            SwiGLU.forward(y: l.act, gate: l.fc, up: l.up!, count: n * gate.outDim)
            linearForward(down, x: l.act, y: branch, rows: n)
        }
        if let drop = try dropout(a, site: site + 3, rate: spec.dropout.residual) { Dropout.apply(branch, count: n * d, spec: drop) }
        if layer.preNorm {
            Residual.add(out: l.out, a: l.sum1, b: branch, count: n * d)
        } else {
            Residual.add(out: l.sum2!, a: l.norm2, b: branch, count: n * d)
            normForward(layer.mlpNorm, x: l.sum2!, out: l.out, mean: l.mean2, rstd: l.rstd2, rows: n)
        }
    }

    private func attentionForward(_ i: Int, _ s: AttentionSpec, _ l: DecoderActivations.Layer,
                                  _ a: DecoderActivations, _ inputs: DecoderInputs, site: Int) throws {
        let n = a.tokens
        switch s.projections {
        case let .fused(qkv):
            // q, k and v are views into the fused output (see `Layer.fusedStride`).
            linearForward(qkv, x: l.norm1, y: l.q, rows: n)
        case let .separate(q, k, v):
            linearForward(q, x: l.norm1, y: l.q, rows: n)
            linearForward(k, x: l.norm1, y: l.k, rows: n)
            linearForward(v, x: l.norm1, y: l.v, rows: n)
        }
        if let rope = ropes[i] {
            rope.forward(l.q, positions: inputs.positions, tokens: n, heads: s.heads)
            rope.forward(l.k, positions: inputs.positions, tokens: n, heads: s.kvHeads)
        }
        let shape = try Attention.Shape(batch: a.rows, seqLen: a.columns, heads: s.heads, kvHeads: s.kvHeads, headDim: s.headDim,
                                        fusedRowStride: l.fusedStride)
        try Attention.forward(out: l.attn, saved: .probabilities(l.probs), q: l.q, k: l.k, v: l.v, shape: shape,
                              mask: inputs.mask(window: s.window), scale: s.scale,
                              dropout: dropout(a, site: site, rate: spec.dropout.attention), scratch: a.attentionScratch)
    }

    // MARK: - Building blocks

    func linearForward(_ l: LinearSpec, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, rows n: Int) {
        let w = weights.get(l.weight), b = l.bias.map { weights.get($0) }
        if l.conv1D {
            Conv1D.forward(y: y, x: x, w: w, b: b, rows: n, inFeatures: l.inDim, outFeatures: l.outDim)
        } else {
            Linear.forward(y: y, x: x, w: w, b: b, rows: n, inFeatures: l.inDim, outFeatures: l.outDim)
        }
        adapters[l.module]?.forward(x: x, y: y, rows: n, training: training)
    }

    func normForward(_ s: NormSpec, x: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>,
                     mean: UnsafeMutablePointer<Float>, rstd: UnsafeMutablePointer<Float>, rows n: Int) {
        switch s.kind {
        case .layerNorm:
            ones.withUnsafeBufferPointer { one in
                zeros.withUnsafeBufferPointer { zero in
                    LayerNorm.forward(out: out, mean: mean, rstd: rstd, x: x,
                                      w: s.weight.map { weights.get($0) } ?? one.baseAddress!,
                                      b: s.bias.map { weights.get($0) } ?? zero.baseAddress!,
                                      rows: n, dim: s.dim, eps: s.eps)
                }
            }
        case .rmsNorm:
            ones.withUnsafeBufferPointer { one in
                RMSNorm.forward(out: out, rstd: rstd, x: x, w: s.weight.map { weights.get($0) } ?? one.baseAddress!,
                                rows: n, dim: s.dim, eps: s.eps)
            }
        }
    }
}

/// Something added to a dense layer's output (LoRA): forward ADDS its contribution to y;
/// backward ADDS its input gradient to dx (when given) and accumulates its own parameter
/// gradients.
protocol LinearAdapter: AnyObject {
    func forward(x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, rows: Int, training: Bool)
    func backward(dy: UnsafePointer<Float>, x: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>?, rows: Int)
}
