/// Dropout with inverted scaling, and NEFTune's embedding noise.
///
/// The mask is a pure function of (seed, element index) — a counter-based hash — so backward
/// regenerates it instead of storing it, any thread can compute any slice, and a run is
/// reproducible from the seed. Draw one `seed` per dropout site per step from the model's
/// `Philox` generator (`rng.nextUInt64()`), so checkpointed RNG state resumes the same masks.
public struct DropoutSpec: Sendable, Equatable {
    /// Probability of zeroing an element (0 ≤ p < 1).
    public let p: Float
    public let seed: UInt64

    public init(p: Float, seed: UInt64) throws {
        guard p >= 0 && p < 1 else {
            throw KernelError("dropout probability \(p) must be in [0, 1); use 0 to disable dropout")
        }
        self.p = p
        self.seed = seed
        threshold = Int32(min(Double(p) * 2147483648.0, 2147483647.0))
        scale = 1 / (1 - p)
    }

    /// Keep threshold on 31-bit hashes: an element survives if (hash >> 1) ≥ threshold. (Signed
    /// 32-bit compares are single instructions; unsigned ones went lane by lane.)
    @usableFromInline let threshold: Int32
    @usableFromInline let scale: Float

    /// The multiplier (0 or 1/(1-p)) for 8 consecutive elements starting at `index`: one hash
    /// of (index mod 2³²) xor a key mixed from the seed and the index's high word.
    @inlinable @inline(__always)
    func factors(at index: Int) -> VectorMath.V {
        factors(at: index, key: key(at: index))
    }

    /// The hash key of the 2³²-element stretch holding `index` (it depends on the high word
    /// only, so loops compute it once per call).
    @inlinable @inline(__always)
    func key(at index: Int) -> SIMD8<UInt32> {
        let hi = UInt32(truncatingIfNeeded: UInt64(index) >> 32)
        return DropoutSpec.mix(SIMD8(repeating: UInt32(truncatingIfNeeded: seed))
            ^ DropoutSpec.mix(SIMD8(repeating: UInt32(truncatingIfNeeded: seed >> 32) ^ hi)))
    }

    /// Whether every element of `first..<first+count` shares one key.
    @inlinable @inline(__always)
    static func oneKey(_ first: Int, _ count: Int) -> Bool {
        UInt64(first) >> 32 == UInt64(first + max(count, 1) - 1) >> 32
    }

    /// `factors(at:)` with the key of `index` given.
    @inlinable @inline(__always)
    func factors(at index: Int, key: SIMD8<UInt32>) -> VectorMath.V {
        let idx = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: index)) &+ SIMD8(0, 1, 2, 3, 4, 5, 6, 7)
        let h = unsafeBitCast(DropoutSpec.mix(idx ^ key) &>> SIMD8<UInt32>(repeating: 1), to: SIMD8<Int32>.self)
        return VectorMath.V(repeating: scale).replacing(with: 0, where: h .< SIMD8<Int32>(repeating: threshold))
    }

    /// A 32-bit avalanche hash (Wellons' "lowbias32"), vectorised.
    @inlinable @inline(__always)
    static func mix(_ v: SIMD8<UInt32>) -> SIMD8<UInt32> {
        // Vector shift/multiply constants: the scalar-operand SIMD operators go lane by lane.
        typealias U = SIMD8<UInt32>
        var x = v
        x ^= x &>> U(repeating: 16)
        x &*= U(repeating: 0x7FEB_352D)
        x ^= x &>> U(repeating: 15)
        x &*= U(repeating: 0x846C_A68B)
        x ^= x &>> U(repeating: 16)
        return x
    }

    /// Multiplies `count` elements at `p` (the elements `first..<first+count` of the tensor) by
    /// their dropout factors, in place.
    @inlinable
    func apply(_ p: UnsafeMutablePointer<Float>, first: Int, count: Int) {
        guard DropoutSpec.oneKey(first, count) else { return applySlow(p, first: first, count: count) }
        let key = key(at: first)
        let w = VectorMath.width
        var i = 0
        while i + w <= count {
            VectorMath.store(VectorMath.load(p + i) * factors(at: first + i, key: key), p + i)
            i += w
        }
        if i < count {
            let f = factors(at: first + i, key: key)
            for k in 0..<(count - i) { p[i + k] *= f[k] }
        }
    }

    /// `apply` for a span that crosses a 2³² boundary: the key per vector.
    @usableFromInline
    func applySlow(_ p: UnsafeMutablePointer<Float>, first: Int, count: Int) {
        let w = VectorMath.width
        var i = 0
        while i + w <= count {
            VectorMath.store(VectorMath.load(p + i) * factors(at: first + i), p + i)
            i += w
        }
        if i < count {
            let f = factors(at: first + i)
            for k in 0..<(count - i) { p[i + k] *= f[k] }
        }
    }

    /// dst = src (count) times the factors of elements `first..<first+count`: `apply` fused
    /// with a copy, for attention, which keeps the probabilities before dropout.
    @inlinable
    func apply(_ src: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>, first: Int, count: Int) {
        guard DropoutSpec.oneKey(first, count) else {
            dst.update(from: src, count: count)
            return applySlow(dst, first: first, count: count)
        }
        let key = key(at: first)
        let w = VectorMath.width
        var i = 0
        while i + w <= count {
            VectorMath.store(VectorMath.load(src + i) * factors(at: first + i, key: key), dst + i)
            i += w
        }
        if i < count {
            let f = factors(at: first + i, key: key)
            for k in 0..<(count - i) { dst[i + k] = src[i + k] * f[k] }
        }
    }
}

public enum Dropout {
    /// y (count) = x * mask / (1 - p)   (y may alias x)
    public static func forward(y: UnsafeMutablePointer<Float>, x: UnsafePointer<Float>, count: Int, spec: DropoutSpec) {
        if UnsafePointer(y) != x { y.update(from: x, count: count) }
        apply(y, count: count, spec: spec)
    }

    /// dx (count) += dy * mask / (1 - p), the mask regenerated from `spec`.
    public static func backward(dx: UnsafeMutablePointer<Float>, dy: UnsafePointer<Float>, count: Int, spec: DropoutSpec) {
        let w = VectorMath.width
        Parallel.forEachChunk(count / w + 1, minChunk: 4096) { _, range in
            let start = range.lowerBound * w, end = min(count, range.upperBound * w)
            var i = start
            if DropoutSpec.oneKey(start, end - start) {
                let key = spec.key(at: start)
                while i + w <= end {
                    VectorMath.store(VectorMath.load(dx + i) + VectorMath.load(dy + i) * spec.factors(at: i, key: key), dx + i)
                    i += w
                }
            }
            while i + w <= end {
                VectorMath.store(VectorMath.load(dx + i) + VectorMath.load(dy + i) * spec.factors(at: i), dx + i)
                i += w
            }
            if i < end {
                let f = spec.factors(at: i)
                for k in 0..<(end - i) { dx[i + k] += dy[i + k] * f[k] }
            }
        }
    }

    /// Scales `p` (count) in place by the dropout factors.
    public static func apply(_ p: UnsafeMutablePointer<Float>, count: Int, spec: DropoutSpec) {
        let w = VectorMath.width
        Parallel.forEachChunk(count / w + 1, minChunk: 4096) { _, range in
            let start = range.lowerBound * w, end = min(count, range.upperBound * w)
            spec.apply(p + start, first: start, count: end - start)
        }
    }

    /// The factor (0 or 1/(1-p)) of element `index`, for tests and references.
    public static func factor(at index: Int, spec: DropoutSpec) -> Float {
        spec.factors(at: index)[0]
    }
}

/// NEFTune (Jain et al. 2023, as in `transformers`' `neftune_post_forward_hook`): during
/// training, embeddings += U(-m, m) with m = alpha / sqrt(L · d), L the batch's sequence length
/// and d the hidden size. The noise does not depend on the embeddings, so backward is identity.
public enum NEFTune {
    /// embeddings (B, L, d) += U(-m, m), drawn from `rng` in element order.
    public static func addNoise(
        _ embeddings: UnsafeMutablePointer<Float>, batch: Int, seqLen: Int, dim: Int,
        alpha: Float, rng: inout Philox
    ) {
        let m = alpha / (Float(seqLen * dim)).squareRoot()
        for i in 0..<(batch * seqLen * dim) {
            embeddings[i] += -m + 2 * m * rng.nextFloat()
        }
    }
}
