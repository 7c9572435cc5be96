/// Gradient clipping by global L2 norm with `torch.nn.utils.clip_grad_norm_` semantics: the
/// norm of the per-tensor norms, clip_coef = max_norm / (total_norm + 1e-6), gradients scaled
/// by min(clip_coef, 1). torch computes in float32; here each tensor's sum of squares
/// accumulates in Double in a fixed order (deterministic, and at least as accurate), the
/// per-tensor norms and the total are rounded to Float like torch's, and scaling is in Float.
public enum GradClip {
    /// ‖·‖₂ of each range of `grads`, then the norm of those norms (Float, as torch returns).
    public static func totalNorm(_ grads: UnsafePointer<Float>, tensors: [Range<Int>]) -> Float {
        var total = 0.0
        for r in tensors {
            let sq = sumOfSquares(grads + r.lowerBound, count: r.count)
            let norm = Float(sq.squareRoot())
            total += Double(norm) * Double(norm)
        }
        return Float(total.squareRoot())
    }

    /// Clips in place and returns the total norm before clipping.
    @discardableResult
    public static func clip(_ grads: UnsafeMutablePointer<Float>, tensors: [Range<Int>], maxNorm: Float) -> Float {
        let norm = totalNorm(grads, tensors: tensors)
        let coef = maxNorm / (norm + 1e-6)
        if coef < 1 {
            for r in tensors {
                VectorMath.map(count: r.count, grads + r.lowerBound, grads + r.lowerBound) { g, _ in g * coef }
            }
        }
        return norm
    }

    /// Σ x²: 8-element blocks squared and summed in Float, blocks accumulated in Double in order
    /// within fixed chunks (by the thread count), chunks combined in index order.
    static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int) -> Double {
        let chunks = Parallel.chunkCount(count, minChunk: 1 << 16)
        var partial = [Double](repeating: 0, count: chunks)
        partial.withUnsafeMutableBufferPointer { out in
            Parallel.forEachChunk(count, minChunk: 1 << 16) { c, range in
                var acc = 0.0
                var i = range.lowerBound
                let w = VectorMath.width
                while i + w <= range.upperBound {
                    let v = VectorMath.load(x + i)
                    acc += Double((v * v).sum())
                    i += w
                }
                while i < range.upperBound { acc += Double(x[i]) * Double(x[i]); i += 1 }
                out[c] = acc
            }
        }
        return partial.reduce(0, +)
    }
}
