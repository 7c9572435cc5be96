/// Everything one forward pass keeps for its backward pass, plus backward's scratch, carved
/// out of ONE allocation (llm.c's activation arena). It is laid out for a batch shape
/// (rows × columns) and reused for every step with a shape that fits, so a training step
/// allocates nothing large.
///
/// Shapes: N = rows·columns tokens, d = hidden size, e = embedding dim, F = MLP width,
/// Q = heads·headDim, K = kvHeads·headDim.
final class DecoderActivations {
    struct Layer {
        /// Norm statistics (N each); `rstd` alone for RMSNorm.
        var mean1, rstd1, mean2, rstd2: UnsafeMutablePointer<Float>
        /// Attention input: the ln_1 output (pre-LN) — for post-LN the layer input is used.
        var norm1: UnsafeMutablePointer<Float>      // (N, d)
        /// (N, Q), (N, K), (N, K), q and k after RoPE — or, for a fused q|k|v projection (GPT-2's
        /// `c_attn`), views into its (N, Q + 2K) output with row stride `fusedStride`.
        var q, k, v: UnsafeMutablePointer<Float>
        var fusedStride: Int?
        var probs: UnsafeMutablePointer<Float>      // (B, H, T, T)
        var attn: UnsafeMutablePointer<Float>       // (N, Q) attention output, o_proj input
        /// Post-LN only: the residual sum before ln_1 (N, d); for pre-LN, the layer input
        /// plus the attention branch (the mid residual stream).
        var sum1: UnsafeMutablePointer<Float>       // (N, d)
        /// The MLP input: the ln_2 output (pre-LN) or ln_1's output (post-LN).
        var norm2: UnsafeMutablePointer<Float>      // (N, d)
        var fc: UnsafeMutablePointer<Float>         // (N, F) fc1 / gate pre-activation
        var up: UnsafeMutablePointer<Float>?        // (N, F) gated MLPs: up_proj output
        var act: UnsafeMutablePointer<Float>        // (N, F) fc2 / down_proj input
        /// Post-LN only: the residual sum before final_layer_norm (N, d).
        var sum2: UnsafeMutablePointer<Float>?
        /// The layer output (N, d) = the next layer's input.
        var out: UnsafeMutablePointer<Float>
    }

    let rows: Int, columns: Int
    var tokens: Int { rows * columns }
    /// `Parallel.threadCount` the attention scratch was sized for (one slice per worker).
    let threads: Int
    /// Token embeddings before project_in (N, e); = `hidden0` when there is no project_in.
    var embedded: UnsafeMutablePointer<Float>
    /// The first layer's input (N, d).
    var hidden0: UnsafeMutablePointer<Float>
    var layers: [Layer] = []
    var finalMean, finalRstd: UnsafeMutablePointer<Float>
    /// Final norm output (N, d) and the LM head's input (N, e) (after project_out).
    var finalNorm: UnsafeMutablePointer<Float>
    var headInput: UnsafeMutablePointer<Float>

    // Backward scratch (gradients of activations).
    var dResidual, dResidual2: UnsafeMutablePointer<Float>   // (N, max(d, e))
    var dNorm: UnsafeMutablePointer<Float>                   // (N, max(d, e))
    var dBranch: UnsafeMutablePointer<Float>                 // (N, max(d, e)) sublayer output grad
    var dAttn: UnsafeMutablePointer<Float>                   // (N, Q)
    /// N·(Q + 2K): the gradients of a layer's q, k, v, laid out as its q|k|v (`qkvViews`).
    var dQKV: UnsafeMutablePointer<Float>
    var dFc, dUp, dAct: UnsafeMutablePointer<Float>          // (N, F)
    var attentionScratch: UnsafeMutablePointer<Float>
    var lossScratch: UnsafeMutablePointer<Float>
    let lossChunkRows: Int

    /// Dropout seeds drawn for this step (one per site), replayed by backward.
    var dropoutSeeds: [UInt64] = []

    private let base: UnsafeMutablePointer<Float>
    let capacity: Int

    /// Lays out the arena for `spec` at (rows, columns); `existing` is reused when big enough.
    init(spec: DecoderSpec, rows: Int, columns: Int, reusing existing: DecoderActivations?) throws {
        self.rows = rows
        self.columns = columns
        threads = Parallel.threadCount
        let n = rows * columns
        let needed = DecoderActivations.floatCount(spec: spec, rows: rows, columns: columns)
        if let existing, existing.capacity >= needed {
            base = existing.base
            capacity = existing.capacity
            existing.ownsBase = false
        } else {
            base = UnsafeMutablePointer<Float>.allocate(capacity: needed)
            base.initialize(repeating: 0, count: needed)
            capacity = needed
        }
        var bump = Bump(base: base)
        let d = spec.hiddenSize, e = spec.embeddingDim, wide = max(d, e)
        embedded = spec.projectIn == nil ? bump.take(0) : bump.take(n * e)
        hidden0 = bump.take(n * d)
        if spec.projectIn == nil { embedded = hidden0 }
        var previous = hidden0
        for layer in spec.layers {
            let a = layer.attention
            let q = a.heads * a.headDim, kv = a.kvHeads * a.headDim
            let f = DecoderActivations.mlpWidth(layer.mlp)
            let gated: Bool
            if case .gated = layer.mlp.kind { gated = true } else { gated = false }
            var fused = false
            if case .fused = a.projections { fused = true }
            let mean1 = bump.take(n), rstd1 = bump.take(n), mean2 = bump.take(n), rstd2 = bump.take(n)
            let norm1 = layer.preNorm ? bump.take(n * d) : previous
            let qkv = DecoderActivations.qkvViews(bump.take(n * (q + 2 * kv)), rows: n, q: q, kv: kv, fused: fused)
            var l = Layer(mean1: mean1, rstd1: rstd1, mean2: mean2, rstd2: rstd2, norm1: norm1,
                          q: qkv.q, k: qkv.k, v: qkv.v, fusedStride: fused ? q + 2 * kv : nil,
                          probs: bump.take(rows * a.heads * columns * columns),
                          attn: bump.take(n * q), sum1: bump.take(n * d), norm2: bump.take(n * d),
                          fc: bump.take(n * f), up: gated ? bump.take(n * f) : nil, act: bump.take(n * f),
                          sum2: layer.preNorm ? nil : bump.take(n * d), out: bump.take(n * d))
            if !layer.preNorm { l.norm1 = previous }
            layers.append(l)
            previous = l.out
        }
        finalMean = bump.take(n)
        finalRstd = bump.take(n)
        finalNorm = spec.finalNorm == nil ? previous : bump.take(n * d)
        headInput = spec.projectOut == nil ? finalNorm : bump.take(n * e)

        let maxQ = spec.layers.map { $0.attention.heads * $0.attention.headDim }.max() ?? 0
        let maxK = spec.layers.map { $0.attention.kvHeads * $0.attention.headDim }.max() ?? 0
        let maxF = spec.layers.map { DecoderActivations.mlpWidth($0.mlp) }.max() ?? 0
        dResidual = bump.take(n * wide)
        dResidual2 = bump.take(n * wide)
        dNorm = bump.take(n * wide)
        dBranch = bump.take(n * wide)
        dAttn = bump.take(n * maxQ)
        dQKV = bump.take(n * (maxQ + 2 * maxK))
        dFc = bump.take(n * maxF); dUp = bump.take(n * maxF); dAct = bump.take(n * maxF)
        attentionScratch = bump.take(Parallel.threadCount * 3 * columns * columns)
        lossChunkRows = DecoderActivations.lossChunkRows(tokens: n, vocab: spec.vocabSize)
        lossScratch = bump.take(CrossEntropy.scratchCount(vocab: spec.vocabSize, dim: e, chunkRows: lossChunkRows))
        precondition(bump.used <= capacity, "activation arena layout exceeds its size")
    }

    private var ownsBase = true
    deinit { if ownsBase { base.deallocate() } }

    /// q, k and v in one block of N·(Q + 2K) floats: a fused projection's output rows
    /// (q | k | v, row stride Q + 2K), or three contiguous tensors (N, Q), (N, K), (N, K).
    /// A layer's activations and their gradients use the same layout.
    static func qkvViews(_ base: UnsafeMutablePointer<Float>, rows n: Int, q: Int, kv: Int, fused: Bool)
    -> (q: UnsafeMutablePointer<Float>, k: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>) {
        fused ? (base, base + q, base + q + kv) : (base, base + n * q, base + n * (q + kv))
    }

    static func mlpWidth(_ mlp: MLPSpec) -> Int {
        switch mlp.kind {
        case let .standard(fc1, _, _): return fc1.outDim
        case let .gated(gate, _, _): return gate.outDim
        }
    }

    /// Rows per chunk of the fused LM head + loss: about 16 MB of logits per chunk.
    static func lossChunkRows(tokens n: Int, vocab v: Int) -> Int {
        max(1, min(n, max(16, (4 << 20) / max(v, 1))))
    }

    /// Floats the arena needs for `spec` at (rows, columns) — the same walk as `init`.
    static func floatCount(spec: DecoderSpec, rows: Int, columns: Int) -> Int {
        let n = rows * columns
        let d = spec.hiddenSize, e = spec.embeddingDim, wide = max(d, e)
        var total = (spec.projectIn == nil ? 0 : n * e) + n * d
        var maxQ = 0, maxK = 0, maxF = 0
        for layer in spec.layers {
            let a = layer.attention
            let q = a.heads * a.headDim, kv = a.kvHeads * a.headDim, f = mlpWidth(layer.mlp)
            maxQ = max(maxQ, q); maxK = max(maxK, kv); maxF = max(maxF, f)
            var gated = false
            if case .gated = layer.mlp.kind { gated = true }
            total += 4 * n + (layer.preNorm ? n * d : 0) + n * (q + 2 * kv) + rows * a.heads * columns * columns
            total += n * q + 2 * n * d + n * f * (gated ? 3 : 2) + (layer.preNorm ? 0 : n * d) + n * d
        }
        total += 2 * n + (spec.finalNorm == nil ? 0 : n * d) + (spec.projectOut == nil ? 0 : n * e)
        total += 4 * n * wide + n * maxQ + n * (maxQ + 2 * maxK) + 3 * n * maxF
        total += Parallel.threadCount * 3 * columns * columns
        total += CrossEntropy.scratchCount(vocab: spec.vocabSize, dim: e, chunkRows: lossChunkRows(tokens: n, vocab: spec.vocabSize))
        // Each region is rounded up to 16 floats (64 bytes).
        return total + 16 * (20 * spec.layers.count + 32)
    }

    /// Hands out consecutive regions of the arena.
    private struct Bump {
        let base: UnsafeMutablePointer<Float>
        var used = 0
        mutating func take(_ count: Int) -> UnsafeMutablePointer<Float> {
            defer { used += (count + 15) / 16 * 16 }
            return base + used
        }
    }
}
