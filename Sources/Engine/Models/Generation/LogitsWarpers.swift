import Foundation

/// Sampling as transformers' `generate(do_sample=True)` shapes the distribution, in its warper
/// order: temperature → top-k → top-p, then a draw from softmax of what is left. Filtered
/// tokens get -inf, as HF's `filter_value`.
public struct SamplingOptions: Equatable, Sendable {
    public var temperature: Float
    /// 0 disables top-k.
    public var topK: Int
    /// 1 disables top-p.
    public var topP: Float
    /// Tokens top-k/top-p always keep (HF's `min_tokens_to_keep`, 1).
    public var minTokensToKeep: Int

    public init(temperature: Float = 1, topK: Int = 50, topP: Float = 1, minTokensToKeep: Int = 1) {
        self.temperature = temperature; self.topK = topK; self.topP = topP; self.minTokensToKeep = minTokensToKeep
    }

    /// Applies temperature, top-k and top-p to one row of logits in place.
    public func warp(_ logits: inout [Float]) {
        if temperature != 1 && temperature > 0 {
            for i in logits.indices { logits[i] /= temperature }
        }
        if topK > 0 && topK < logits.count {
            let k = max(topK, minTokensToKeep)
            let threshold = logits.sorted(by: >)[k - 1]
            for i in logits.indices where logits[i] < threshold { logits[i] = -.infinity }
        }
        if topP < 1 {
            // HF: sort ascending, cumulative softmax; drop tokens whose cumulative mass ≤ 1 − top_p,
            // keeping at least `minTokensToKeep` of the largest.
            let order = logits.indices.sorted { logits[$0] < logits[$1] }
            let probs = SamplingOptions.softmax(order.map { logits[$0] })
            var cumulative: Float = 0
            for (rank, index) in order.enumerated() {
                cumulative += probs[rank]
                let keptFromTop = order.count - rank
                if cumulative <= 1 - topP && keptFromTop > minTokensToKeep { logits[index] = -.infinity }
            }
        }
    }

    /// Draws a token from softmax(logits) with `rng`.
    public static func sample(_ logits: [Float], rng: inout Philox) -> Int {
        let probs = softmax(logits)
        let u = Float(rng.nextDouble())
        var cumulative: Float = 0
        var last = 0
        for (i, p) in probs.enumerated() where p > 0 {
            cumulative += p
            last = i
            if u < cumulative { return i }
        }
        return last
    }

    static func softmax(_ x: [Float]) -> [Float] {
        let m = x.max() ?? 0
        guard m > -.infinity else { return [Float](repeating: 1 / Float(max(x.count, 1)), count: x.count) }
        let e = x.map { Foundation.exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// The first index of the maximum (torch.argmax's tie-breaking).
    public static func argmax(_ x: [Float]) -> Int {
        var best = 0
        for i in x.indices where x[i] > x[best] { best = i }
        return best
    }
}
