import Foundation

/// Softmax self-attention for training, with every mask the supported model families use.
///
/// Layout: q (B, T, H, D), k and v (B, T, Hkv, D), out (B, T, H, D) — exactly the row-major
/// outputs of the q/k/v projections and the input of the output projection, so no transposes.
/// q, k and v may also be views into one fused q|k|v output (`Shape.fusedRowStride`).
/// Grouped-query attention: query head h reads kv head h / (H / Hkv).
///
/// Forward saves either the probabilities P (B, H, T, T) (before attention dropout) or, for
/// long sequences, only each row's log-sum-exp (B, H, T), from which backward recomputes P
/// (flash-attention style, one more product per head) — see `Saved`. Masked entries are
/// exactly 0. A query with no allowed key (a padding query) never yields NaN: it follows
/// `Mask.fullyMaskedRows` — all-zero probabilities (output 0), as torch SDPA does in HF's
/// default `attn_implementation="sdpa"`, or uniform over all T keys, as HF's eager additive
/// `finfo.min` mask gives. Backward ACCUMULATES (+=) into dq, dk, dv.
///
/// Every product goes to `sgemm` on strided per-head views; causal rows are processed in
/// blocks of `blockRows` so the upper triangle costs nothing. Parallelism: our own loop over
/// heads with single-threaded BLAS inside. Measured (B=8, T=256, D=64, 2 cores, busy machine):
/// forward 33 ms vs 39–166 ms with threaded BLAS over sequential heads for H=4, 113–122 ms vs
/// 131–384 ms for H=12 — threaded BLAS loses on these small products and suffers more from
/// oversubscription.
public enum Attention {
    public struct Shape: Sendable, Equatable {
        public var batch: Int, seqLen: Int, heads: Int, kvHeads: Int, headDim: Int
        /// Row strides of q / dq and of k, v / dk, dv: the rows' widths (H·D, Hkv·D), or, for
        /// views into one fused (N, H·D + 2·Hkv·D) projection output such as GPT-2's `c_attn`
        /// (q | k | v per row), that buffer's width — so no split or merge copy is needed.
        /// out and dout are always contiguous (N, H·D).
        public var qStride: Int, kvStride: Int

        public init(batch: Int, seqLen: Int, heads: Int, kvHeads: Int? = nil, headDim: Int, fusedRowStride: Int? = nil) throws {
            let kv = kvHeads ?? heads
            guard batch > 0, seqLen > 0, heads > 0, headDim > 0, kv > 0, heads % kv == 0 else {
                throw KernelError("attention shape: batch \(batch), seqLen \(seqLen), heads \(heads), kvHeads \(kv), headDim \(headDim) — all must be positive and heads a multiple of kvHeads")
            }
            if let fusedRowStride, fusedRowStride < (heads + 2 * kv) * headDim {
                throw KernelError("attention shape: fused q|k|v rows of \(fusedRowStride) floats cannot hold \(heads) + 2 × \(kv) heads of \(headDim)")
            }
            self.batch = batch; self.seqLen = seqLen; self.heads = heads; self.kvHeads = kv; self.headDim = headDim
            qStride = fusedRowStride ?? heads * headDim
            kvStride = fusedRowStride ?? kv * headDim
        }
        var group: Int { heads / kvHeads }
        var qRow: Int { heads * headDim }
        var kvRow: Int { kvHeads * headDim }
    }

    /// Which keys each query may attend to: the intersection of every mask that is set.
    public struct Mask {
        /// Query i attends to keys j ≤ i.
        public var causal: Bool
        /// (B, T) HF `attention_mask`: 0 marks a padding key that nobody attends to.
        public var keyPadding: UnsafePointer<Int32>?
        /// (B, T) document id per position for packed sequences: attend within the same id only.
        public var documentIds: UnsafePointer<Int32>?
        /// GPT-Neo local attention: query i attends to keys with i - j < window.
        public var window: Int?
        /// What a query with no allowed key gets.
        public var fullyMaskedRows: FullyMaskedRows

        public enum FullyMaskedRows: Sendable {
            /// All-zero probabilities and output: torch SDPA (HF's default attn_implementation).
            case zero
            /// Uniform over all T keys: HF's eager attention with its `finfo.min` additive mask.
            case uniform
        }

        public init(causal: Bool = true, keyPadding: UnsafePointer<Int32>? = nil,
                    documentIds: UnsafePointer<Int32>? = nil, window: Int? = nil,
                    fullyMaskedRows: FullyMaskedRows = .zero) {
            self.causal = causal; self.keyPadding = keyPadding; self.documentIds = documentIds; self.window = window
            self.fullyMaskedRows = fullyMaskedRows
        }

        /// Document ids (B, T) for packed rows from HF `position_ids` (B, T): as HF's
        /// `prepare_fa_kwargs_from_position_ids`, a document starts wherever the position equals
        /// the smallest position id of the batch (and at each row start).
        public static func documentIds(positions: UnsafePointer<Int32>, into out: UnsafeMutablePointer<Int32>,
                                       batch: Int, seqLen t: Int) {
            var first = Int32.max
            for i in 0..<(batch * t) { first = min(first, positions[i]) }
            for b in 0..<batch {
                var doc: Int32 = 0
                for i in 0..<t {
                    if i > 0 && positions[b * t + i] == first { doc += 1 }
                    out[b * t + i] = doc
                }
            }
        }

        /// The range of keys query i may see before the per-element (padding/document) masks.
        @inlinable func keyBounds(query i: Int, seqLen t: Int) -> Range<Int> {
            let lo = window.map { max(0, i - $0 + 1) } ?? 0
            let hi = causal ? i + 1 : t
            return lo..<max(lo, hi)
        }

        @inlinable var hasElementMasks: Bool { keyPadding != nil || documentIds != nil }

        /// The padding/document part of the mask for (batch b, query i, key j).
        @inlinable func elementAllowed(batch b: Int, query i: Int, key j: Int, seqLen t: Int) -> Bool {
            if let keyPadding, keyPadding[b * t + j] == 0 { return false }
            if let documentIds, documentIds[b * t + j] != documentIds[b * t + i] { return false }
            return true
        }

        func allowed(batch b: Int, query i: Int, key j: Int, seqLen t: Int) -> Bool {
            keyBounds(query: i, seqLen: t).contains(j) && elementAllowed(batch: b, query: i, key: j, seqLen: t)
        }

        func rowHasKey(batch b: Int, query i: Int, seqLen t: Int) -> Bool {
            let r = keyBounds(query: i, seqLen: t)
            if !hasElementMasks { return !r.isEmpty }
            for j in r where elementAllowed(batch: b, query: i, key: j, seqLen: t) { return true }
            return false
        }
    }

    /// Rows per causal block: small enough to skip most of the upper triangle, large enough
    /// for efficient sgemm calls.
    public static let blockRows = 64

    /// What forward keeps for backward.
    public enum Saved {
        /// The probabilities P (B, H, T, T): the fastest backward, B·H·T² floats.
        case probabilities(UnsafeMutablePointer<Float>)
        /// Each row's log-sum-exp (B, H, T): backward recomputes P (one more sgemm per head),
        /// for sequences where B·H·T² floats per layer would not fit in memory.
        case logSumExp(UnsafeMutablePointer<Float>)
    }

    /// Floats of scratch `backward` needs (and `forward` with dropout or `.logSumExp`), at the
    /// current `Parallel.threadCount`.
    public static func scratchCount(_ s: Shape) -> Int {
        Parallel.threadCount * 3 * s.seqLen * s.seqLen
    }

    /// Which keys each query row and each block of rows needs, worked out once per call and
    /// shared by all heads. Bounds are tightened to the row's packed document (when document ids
    /// run in non-decreasing order) and past padding at either end, so packed and padded
    /// batches skip the products for keys nobody attends to.
    struct Plan {
        /// (B·T) the smallest key range holding every allowed key of the row.
        var bounds: [Range<Int>]
        /// (B·T) whether the row has any allowed key (else see `Mask.fullyMaskedRows`).
        var hasKey: [Bool]
        var blocks: [Range<Int>]
        /// (B, blocks) the keys each block of rows needs.
        var blockKeys: [Range<Int>]

        init(_ s: Shape, _ mask: Mask) {
            let t = s.seqLen
            bounds = []
            hasKey = []
            bounds.reserveCapacity(s.batch * t)
            hasKey.reserveCapacity(s.batch * t)
            var runStart = [Int](repeating: 0, count: t), runEnd = runStart
            for b in 0..<s.batch {
                var runs = false
                if let ids = mask.documentIds.map({ $0 + b * t }) {
                    runs = (1..<max(1, t)).allSatisfy { ids[$0 - 1] <= ids[$0] }
                    if runs {
                        for i in 0..<t { runStart[i] = i > 0 && ids[i] == ids[i - 1] ? runStart[i - 1] : i }
                        for i in stride(from: t - 1, through: 0, by: -1) { runEnd[i] = i < t - 1 && ids[i] == ids[i + 1] ? runEnd[i + 1] : i + 1 }
                    }
                }
                for i in 0..<t {
                    var r = mask.keyBounds(query: i, seqLen: t)
                    if runs { r = r.clamped(to: runStart[i]..<runEnd[i]) }
                    if mask.hasElementMasks {
                        var lo = r.lowerBound, hi = r.upperBound
                        while lo < hi && !mask.elementAllowed(batch: b, query: i, key: lo, seqLen: t) { lo += 1 }
                        while hi > lo && !mask.elementAllowed(batch: b, query: i, key: hi - 1, seqLen: t) { hi -= 1 }
                        r = lo..<hi
                    }
                    bounds.append(r)
                    hasKey.append(!r.isEmpty)
                }
            }
            let step = mask.causal || mask.window != nil || mask.documentIds != nil ? blockRows : t
            blocks = stride(from: 0, to: t, by: step).map { $0..<min(t, $0 + step) }
            blockKeys = []
            for b in 0..<s.batch {
                for rows in blocks {
                    var lo = t, hi = 0
                    for i in rows {
                        if !hasKey[b * t + i] {
                            if mask.fullyMaskedRows == .uniform { lo = 0; hi = t; break }
                            continue
                        }
                        lo = min(lo, bounds[b * t + i].lowerBound); hi = max(hi, bounds[b * t + i].upperBound)
                    }
                    blockKeys.append(lo..<max(lo, hi))
                }
            }
        }
    }

    /// out (B, T, H, D) = softmax(scale · q kᵀ + mask) v;  P (B, H, T, T) or its rows'
    /// log-sum-exp (B, H, T) saved. `scratch` (scratchCount floats) is needed with `dropout`
    /// or `.logSumExp`.
    public static func forward(
        out: UnsafeMutablePointer<Float>, saved: Saved,
        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
        shape s: Shape, mask: Mask, scale: Float,
        dropout: DropoutSpec? = nil, scratch: UnsafeMutablePointer<Float>? = nil
    ) throws {
        var probs: UnsafeMutablePointer<Float>? = nil, lse: UnsafeMutablePointer<Float>? = nil
        switch saved {
        case .probabilities(let p): probs = p
        case .logSumExp(let l): lse = l
        }
        if (dropout != nil || lse != nil) && scratch == nil {
            throw KernelError("Attention.forward: attention dropout and .logSumExp need a scratch buffer of Attention.scratchCount(shape) floats")
        }
        let t = s.seqLen, d = s.headDim
        let plan = Plan(s, mask)
        let pairs = s.batch * s.heads
        Parallel.forEachChunk(pairs) { worker, range in
            let own = scratch.map { $0 + worker * 3 * t * t }   // P (T, T) when not saved
            let pd = own.map { $0 + t * t }                      // dropped-out P (T, T)
            for pair in range {
                let b = pair / s.heads, h = pair % s.heads, kvh = h / s.group
                let qh = q + b * t * s.qStride + h * d
                let kh = k + b * t * s.kvStride + kvh * d
                let vh = v + b * t * s.kvStride + kvh * d
                let oh = out + b * t * s.qRow + h * d
                guard let p = probs.map({ $0 + pair * t * t }) ?? own else { return }
                for (blockIndex, rows) in plan.blocks.enumerated() {
                    let keys = plan.blockKeys[b * plan.blocks.count + blockIndex]
                    let pb = p + rows.lowerBound * t
                    if keys.isEmpty {
                        // Every row of the block is fully masked (zero mode): P = 0, out = 0.
                        pb.update(repeating: 0, count: rows.count * t)
                        for i in rows { (oh + i * s.qRow).update(repeating: 0, count: d) }
                        if let lse { (lse + pair * t + rows.lowerBound).update(repeating: 0, count: rows.count) }
                        continue
                    }
                    MatMul.sgemm(transB: true, m: rows.count, n: keys.count, k: d, alpha: scale,
                                 a: qh + rows.lowerBound * s.qStride, lda: s.qStride,
                                 b: kh + keys.lowerBound * s.kvStride, ldb: s.kvStride,
                                 c: pb + keys.lowerBound, ldc: t)
                    for i in rows {
                        let l = softmaxRow(p + i * t, batch: b, query: i, keys: keys, bounds: plan.bounds[b * t + i],
                                           hasKey: plan.hasKey[b * t + i], shape: s, mask: mask)
                        lse?[pair * t + i] = l
                    }
                    var pv = UnsafePointer(pb)
                    if let dropout, let pd {
                        // Only the block's key columns are read by the product below.
                        for i in rows {
                            dropout.apply(p + i * t + keys.lowerBound, into: pd + i * t + keys.lowerBound,
                                          first: (pair * t + i) * t + keys.lowerBound, count: keys.count)
                        }
                        pv = UnsafePointer(pd + rows.lowerBound * t)
                    }
                    MatMul.sgemm(m: rows.count, n: d, k: keys.count,
                                 a: pv + keys.lowerBound, lda: t,
                                 b: vh + keys.lowerBound * s.kvStride, ldb: s.kvStride,
                                 c: oh + rows.lowerBound * s.qRow, ldc: s.qRow)
                }
            }
        }
    }

    /// Masked softmax of one row in place over `keys` (the block's computed columns); every
    /// other entry of the row is set to 0. Returns the row's log-sum-exp (0 without keys).
    @inlinable @discardableResult
    static func softmaxRow(_ row: UnsafeMutablePointer<Float>, batch b: Int, query i: Int, keys: Range<Int>,
                           bounds: Range<Int>, hasKey: Bool, shape s: Shape, mask: Mask) -> Float {
        let t = s.seqLen
        let inside = bounds.clamped(to: keys)
        (row + keys.lowerBound).update(repeating: -.infinity, count: inside.lowerBound - keys.lowerBound)
        (row + inside.upperBound).update(repeating: -.infinity, count: keys.upperBound - inside.upperBound)
        if mask.hasElementMasks {
            for j in inside where !mask.elementAllowed(batch: b, query: i, key: j, seqLen: t) { row[j] = -.infinity }
        }
        if !hasKey {
            row.update(repeating: mask.fullyMaskedRows == .uniform ? 1 / Float(t) : 0, count: t)
            return 0
        }
        let r = row + keys.lowerBound
        let n = keys.count
        let w = VectorMath.width
        var mv = VectorMath.V(repeating: -.infinity)
        var j = 0
        while j + w <= n { let x = VectorMath.load(r + j); mv = mv.replacing(with: x, where: x .> mv); j += w }
        var mx = mv.max()
        while j < n { mx = max(mx, r[j]); j += 1 }
        var acc = VectorMath.V()
        j = 0
        while j + w <= n {
            let e = VectorMath.exp(VectorMath.load(r + j) - mx)
            VectorMath.store(e, r + j); acc += e; j += w
        }
        if j < n {
            let e = VectorMath.exp(VectorMath.loadPartial(r + j, n - j) - mx)
                .replacing(with: 0, where: SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) .>= SIMD8<Int32>(repeating: Int32(n - j)))
            VectorMath.storePartial(e, r + j, n - j); acc += e
        }
        let total = acc.sum()
        let inv = 1 / total
        j = 0
        while j + w <= n { VectorMath.store(VectorMath.load(r + j) * inv, r + j); j += w }
        while j < n { r[j] *= inv; j += 1 }
        row.update(repeating: 0, count: keys.lowerBound)
        (row + keys.upperBound).update(repeating: 0, count: t - keys.upperBound)
        return mx + Foundation.log(total)
    }

    /// Rebuilds P over `keys` of one row from the logits there (in place) and the saved
    /// log-sum-exp, with the same masking as `softmaxRow`.
    @inlinable
    static func recomputeRow(_ row: UnsafeMutablePointer<Float>, batch b: Int, query i: Int, keys: Range<Int>,
                             bounds: Range<Int>, hasKey: Bool, lse: Float, shape s: Shape, mask: Mask) {
        let t = s.seqLen
        if !hasKey {
            (row + keys.lowerBound).update(repeating: mask.fullyMaskedRows == .uniform ? 1 / Float(t) : 0, count: keys.count)
            return
        }
        let inside = bounds.clamped(to: keys)
        (row + keys.lowerBound).update(repeating: 0, count: inside.lowerBound - keys.lowerBound)
        (row + inside.upperBound).update(repeating: 0, count: keys.upperBound - inside.upperBound)
        let r = row + inside.lowerBound, n = inside.count, w = VectorMath.width
        var j = 0
        while j + w <= n { VectorMath.store(VectorMath.exp(VectorMath.load(r + j) - lse), r + j); j += w }
        if j < n { VectorMath.storePartial(VectorMath.exp(VectorMath.loadPartial(r + j, n - j) - lse), r + j, n - j) }
        if mask.hasElementMasks {
            for j in inside where !mask.elementAllowed(batch: b, query: i, key: j, seqLen: t) { row[j] = 0 }
        }
    }

    /// dq (B, T, H, D) += ∂L/∂q;  dk, dv (B, T, Hkv, D) += ∂L/∂k, ∂L/∂v — from dout (B, T, H, D)
    /// and what forward saved (the same `Saved` case). `scratch` holds `scratchCount(shape)` floats.
    public static func backward(
        dq: UnsafeMutablePointer<Float>, dk: UnsafeMutablePointer<Float>, dv: UnsafeMutablePointer<Float>,
        dout: UnsafePointer<Float>, q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
        saved: Saved, shape s: Shape, mask: Mask, scale: Float,
        dropout: DropoutSpec? = nil, scratch: UnsafeMutablePointer<Float>
    ) {
        let t = s.seqLen, d = s.headDim
        let plan = Plan(s, mask)
        Parallel.forEachChunk(s.batch * s.kvHeads) { worker, range in
            let own = scratch + worker * 3 * t * t  // recomputed P (T, T) with .logSumExp
            let pd = own + t * t                    // dropped-out P (T, T)
            let ds = pd + t * t                     // dP then dS (T, T)
            for pairKV in range {
                let b = pairKV / s.kvHeads, kvh = pairKV % s.kvHeads
                let kh = k + b * t * s.kvStride + kvh * d
                let vh = v + b * t * s.kvStride + kvh * d
                let dkh = dk + b * t * s.kvStride + kvh * d
                let dvh = dv + b * t * s.kvStride + kvh * d
                for h in (kvh * s.group)..<((kvh + 1) * s.group) {
                    let pair = b * s.heads + h
                    var p = own
                    if case .probabilities(let saved) = saved { p = saved + pair * t * t }
                    let qh = q + b * t * s.qStride + h * d
                    let doh = dout + b * t * s.qRow + h * d
                    let dqh = dq + b * t * s.qStride + h * d
                    for (blockIndex, rows) in plan.blocks.enumerated() {
                        let keys = plan.blockKeys[b * plan.blocks.count + blockIndex]
                        if keys.isEmpty { continue }
                        let r0 = rows.lowerBound, k0 = keys.lowerBound
                        if case .logSumExp(let lse) = saved {
                            MatMul.sgemm(transB: true, m: rows.count, n: keys.count, k: d, alpha: scale,
                                         a: qh + r0 * s.qStride, lda: s.qStride, b: kh + k0 * s.kvStride, ldb: s.kvStride,
                                         c: p + r0 * t + k0, ldc: t)
                            for i in rows {
                                recomputeRow(p + i * t, batch: b, query: i, keys: keys, bounds: plan.bounds[b * t + i],
                                             hasKey: plan.hasKey[b * t + i], lse: lse[pair * t + i], shape: s, mask: mask)
                            }
                        }
                        var pv = UnsafePointer(p + r0 * t)
                        if let dropout {
                            for i in rows {
                                dropout.apply(p + i * t + k0, into: pd + i * t + k0, first: (pair * t + i) * t + k0, count: keys.count)
                            }
                            pv = UnsafePointer(pd + r0 * t)
                        }
                        // dv[keys] += P'ᵀ dout[rows]
                        MatMul.sgemm(transA: true, m: keys.count, n: d, k: rows.count,
                                     a: pv + k0, lda: t, b: doh + r0 * s.qRow, ldb: s.qRow,
                                     beta: 1, c: dvh + k0 * s.kvStride, ldc: s.kvStride)
                        // dP' = dout[rows] v[keys]ᵀ
                        MatMul.sgemm(transB: true, m: rows.count, n: keys.count, k: d,
                                     a: doh + r0 * s.qRow, lda: s.qRow, b: vh + k0 * s.kvStride, ldb: s.kvStride,
                                     c: ds + r0 * t + k0, ldc: t)
                        for i in rows {
                            let dsr = ds + i * t + k0
                            if let dropout { dropout.apply(dsr, first: (pair * t + i) * t + k0, count: keys.count) }
                            softmaxBackwardRow(dsr, p + i * t + k0, count: keys.count)
                        }
                        // dq[rows] += scale · dS k[keys];  dk[keys] += scale · dSᵀ q[rows]
                        MatMul.sgemm(m: rows.count, n: d, k: keys.count, alpha: scale,
                                     a: ds + r0 * t + k0, lda: t, b: kh + k0 * s.kvStride, ldb: s.kvStride,
                                     beta: 1, c: dqh + r0 * s.qStride, ldc: s.qStride)
                        MatMul.sgemm(transA: true, m: keys.count, n: d, k: rows.count, alpha: scale,
                                     a: ds + r0 * t + k0, lda: t, b: qh + r0 * s.qStride, ldb: s.qStride,
                                     beta: 1, c: dkh + k0 * s.kvStride, ldc: s.kvStride)
                    }
                }
            }
        }
    }

    /// dS = P ∘ (dP − Σ_j P_j dP_j), in place over dP.
    @inlinable
    static func softmaxBackwardRow(_ dp: UnsafeMutablePointer<Float>, _ p: UnsafePointer<Float>, count n: Int) {
        let dotv = VectorMath.dot(p, dp, n)
        let w = VectorMath.width
        var j = 0
        while j + w <= n {
            VectorMath.store(VectorMath.load(p + j) * (VectorMath.load(dp + j) - dotv), dp + j)
            j += w
        }
        while j < n { dp[j] = p[j] * (dp[j] - dotv); j += 1 }
    }
}
