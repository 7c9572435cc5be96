import Foundation

/// AdamW exactly as `torch.optim.AdamW` (what HF Trainer's "adamw_torch"/"adamw_torch_fused"
/// run), over one flat parameter buffer split into groups with or without weight decay:
///
///     p ← p · (1 − lr·wd)                                  (decoupled decay, decay groups only)
///     m ← m + (1 − β1)(g − m)                               (torch's lerp)
///     v ← β2·v + (1 − β2)·g·g
///     p ← p − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε)
///
/// Scalars are computed in Double and rounded to Float where torch does. The state (step, m,
/// v) is public for checkpoints (HF's optimizer.pt holds exp_avg, exp_avg_sq and step).
public struct AdamW: Sendable {
    /// A contiguous run of the flat buffer and whether weight decay applies to it.
    public struct Group: Sendable, Equatable {
        public var range: Range<Int>
        public var decay: Bool
        public init(range: Range<Int>, decay: Bool) { self.range = range; self.decay = decay }
    }

    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    public var groups: [Group]
    /// Number of updates done (torch's `state['step']`).
    public var step: Int
    /// First moment (exp_avg), one per parameter of the flat buffer.
    public var m: [Float]
    /// Second moment (exp_avg_sq).
    public var v: [Float]

    /// Defaults are HF TrainingArguments' (adam_beta1 0.9, adam_beta2 0.999, adam_epsilon 1e-8,
    /// weight_decay 0). Groups must lie inside `0..<count`.
    public init(count: Int, groups: [Group]? = nil, beta1: Double = 0.9, beta2: Double = 0.999,
                eps: Double = 1e-8, weightDecay: Double = 0) throws {
        let gs = groups ?? [Group(range: 0..<count, decay: true)]
        for g in gs where g.range.lowerBound < 0 || g.range.upperBound > count {
            throw KernelError("AdamW: parameter group \(g.range) lies outside the \(count) optimised parameters")
        }
        guard (0..<1).contains(beta1), (0..<1).contains(beta2), eps >= 0, weightDecay >= 0 else {
            throw KernelError("AdamW: need 0 ≤ beta1, beta2 < 1 and eps, weight_decay ≥ 0 (got betas (\(beta1), \(beta2)), eps \(eps), weight_decay \(weightDecay))")
        }
        self.beta1 = beta1; self.beta2 = beta2; self.eps = eps; self.weightDecay = weightDecay
        self.groups = gs
        step = 0
        m = [Float](repeating: 0, count: count)
        v = [Float](repeating: 0, count: count)
    }

    /// One update of params (count) from grads (count) at learning rate `lr`.
    public mutating func update(params: UnsafeMutablePointer<Float>, grads: UnsafePointer<Float>, lr: Double) {
        step += 1
        let t = Double(step)
        let decayFactor = Float(1 - lr * weightDecay)
        let oneMinusB1 = Float(1 - beta1), b2 = Float(beta2), oneMinusB2 = Float(1 - beta2)
        let stepSize = Float(-(lr / (1 - Foundation.pow(beta1, t))))
        let bc2Sqrt = Float((1 - Foundation.pow(beta2, t)).squareRoot())
        let epsF = Float(eps)
        let wdOn = weightDecay != 0
        m.withUnsafeMutableBufferPointer { mb in
            v.withUnsafeMutableBufferPointer { vb in
                guard let mp = mb.baseAddress, let vp = vb.baseAddress else { return }
                for g in groups {
                    let decay = g.decay && wdOn
                    let w = VectorMath.width
                    let n = g.range.count, base = g.range.lowerBound
                    Parallel.forEachChunk(n / w + 1, minChunk: 2048) { _, range in
                        let start = base + range.lowerBound * w
                        let end = base + min(n, range.upperBound * w)
                        var i = start
                        while i + w <= end {
                            var p = VectorMath.load(params + i)
                            let gr = VectorMath.load(grads + i)
                            if decay { p = p * decayFactor }
                            var mv = VectorMath.load(mp + i)
                            mv = mv + oneMinusB1 * (gr - mv)
                            var vv = VectorMath.load(vp + i) * b2
                            vv = vv + (oneMinusB2 * gr) * gr
                            let denom = vv.squareRoot() / bc2Sqrt + epsF
                            p = p + (stepSize * mv) / denom
                            VectorMath.store(mv, mp + i)
                            VectorMath.store(vv, vp + i)
                            VectorMath.store(p, params + i)
                            i += w
                        }
                        while i < end {
                            var p = params[i]
                            let gr = grads[i]
                            if decay { p = p * decayFactor }
                            let mv = mp[i] + oneMinusB1 * (gr - mp[i])
                            let vv = vp[i] * b2 + (oneMinusB2 * gr) * gr
                            let denom = vv.squareRoot() / bc2Sqrt + epsF
                            params[i] = p + (stepSize * mv) / denom
                            mp[i] = mv
                            vp[i] = vv
                            i += 1
                        }
                    }
                }
            }
        }
    }

    /// Whether HF Trainer applies weight decay to a parameter (`get_decay_parameter_names`):
    /// not to parameters of `nn.LayerNorm` modules, nor to names (lowercased) containing
    /// "bias", "layernorm", "rmsnorm", a ".norm" / "_norm" path component.
    public static func decays(parameterName name: String, inLayerNormModule: Bool) -> Bool {
        if inLayerNormModule { return false }
        let s = name.lowercased()
        if s.contains("bias") || s.contains("layernorm") || s.contains("rmsnorm") { return false }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        // (?:^|\.)norm(?:$|\.) — a whole component "norm";  _norm(?:$|\.) — a component ending "_norm".
        for part in parts where part == "norm" || part.hasSuffix("_norm") { return false }
        return true
    }
}
