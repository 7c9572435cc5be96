import Foundation

/// The language-model head and its loss, fused and chunked: logits = hidden · Wᵀ for a chunk of
/// supervised rows, log-softmax, NLL, and the gradients wrt hidden and W, chunk by chunk, so
/// the (N × V) logits never exist in full. Rows whose target is `ignoreIndex` (-100: prompt,
/// padding) cost nothing: only supervised rows are gathered into chunks.
///
/// Matches `transformers`' ForCausalLMLoss (`cross_entropy(ignore_index=-100)`): the caller
/// shifts labels (`shiftLabels`) and picks `gradScale` = 1 / (supervised tokens in the whole
/// optimizer step) for the token mean across accumulated micro-batches (HF's
/// `num_items_in_batch`), or 1 / count for a single batch's mean.
public enum CrossEntropy {
    public static let ignoreIndex: Int32 = -100

    public struct Result: Sendable, Equatable {
        /// Σ of per-token losses over supervised tokens (Double, summed in token order).
        public var lossSum: Double
        /// Number of supervised tokens.
        public var count: Int
        /// Supervised tokens whose argmax logit (first maximum) equals the target (TRL's
        /// mean_token_accuracy numerator).
        public var correct: Int
        /// Σ over supervised tokens of the entropy of the predicted distribution (TRL logs its mean).
        public var entropySum: Double = 0
        /// lossSum / count (0 when nothing is supervised).
        public var meanLoss: Double { count == 0 ? 0 : lossSum / Double(count) }
    }

    /// targets (B, T)[b, t] = labels[b, t + 1]; the last position of each row gets ignoreIndex.
    public static func shiftLabels(_ labels: UnsafePointer<Int32>, into targets: UnsafeMutablePointer<Int32>, batch: Int, seqLen t: Int) {
        for b in 0..<batch {
            for i in 0..<t { targets[b * t + i] = i + 1 < t ? labels[b * t + i + 1] : ignoreIndex }
        }
    }

    /// Number of targets that are not ignoreIndex.
    public static func count(_ targets: UnsafePointer<Int32>, rows n: Int) -> Int {
        var c = 0
        for i in 0..<n where targets[i] != ignoreIndex { c += 1 }
        return c
    }

    /// Floats of scratch `forwardBackward` needs for chunks of `chunkRows` rows.
    public static func scratchCount(vocab v: Int, dim c: Int, chunkRows: Int) -> Int {
        chunkRows * (v + 2 * c)
    }

    /// Loss over hidden (N, C) with lm-head weight (V, C) and targets (N);
    /// dHidden (N, C) += ∂(gradScale · lossSum)/∂hidden, dWeight (V, C) += likewise — each only
    /// when given (both nil: evaluation only).
    public static func forwardBackward(
        hidden: UnsafePointer<Float>, weight: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
        rows n: Int, dim c: Int, vocab v: Int, gradScale: Float,
        dHidden: UnsafeMutablePointer<Float>?, dWeight: UnsafeMutablePointer<Float>?,
        chunkRows: Int, scratch: UnsafeMutablePointer<Float>
    ) throws -> Result {
        guard chunkRows > 0 else { throw KernelError("CrossEntropy: chunkRows must be positive") }
        for i in 0..<n where targets[i] != ignoreIndex && (targets[i] < 0 || Int(targets[i]) >= v) {
            throw KernelError("CrossEntropy: label \(targets[i]) at position \(i) is outside the vocabulary of \(v); labels must be token ids or -100")
        }
        let logits = scratch                       // (chunkRows, V)
        let xs = scratch + chunkRows * v           // (chunkRows, C) gathered hidden rows
        let dxs = xs + chunkRows * c               // (chunkRows, C) their gradients
        let backward = dHidden != nil || dWeight != nil
        var result = Result(lossSum: 0, count: 0, correct: 0)
        var rowLoss = [Double](repeating: 0, count: chunkRows)
        var rowCorrect = [Bool](repeating: false, count: chunkRows)
        var rowEntropy = [Double](repeating: 0, count: chunkRows)
        var chunk: [Int] = []
        chunk.reserveCapacity(chunkRows)

        func flush() {
            let r = chunk.count
            for (k, i) in chunk.enumerated() { (xs + k * c).update(from: hidden + i * c, count: c) }
            MatMul.sgemm(transB: true, m: r, n: v, k: c, a: xs, b: weight, c: logits)
            rowLoss.withUnsafeMutableBufferPointer { lossOut in
                rowCorrect.withUnsafeMutableBufferPointer { correctOut in
                    rowEntropy.withUnsafeMutableBufferPointer { entropyOut in
                        Parallel.forEachChunk(r, minChunk: 4) { _, range in
                            for k in range {
                                let target = Int(targets[chunk[k]])
                                let (loss, argmax, entropy) = logSoftmaxRow(logits + k * v, vocab: v, target: target,
                                                                            gradScale: backward ? gradScale : nil)
                                lossOut[k] = loss
                                correctOut[k] = argmax == target
                                entropyOut[k] = entropy
                            }
                        }
                    }
                }
            }
            for k in 0..<r {
                result.lossSum += rowLoss[k]
                result.entropySum += rowEntropy[k]
                if rowCorrect[k] { result.correct += 1 }
            }
            result.count += r
            if let dHidden {
                MatMul.sgemm(m: r, n: c, k: v, a: logits, b: weight, c: dxs)
                for (k, i) in chunk.enumerated() { VectorMath.addInPlace(dHidden + i * c, dxs + k * c, count: c) }
            }
            if let dWeight {
                MatMul.sgemm(transA: true, m: v, n: c, k: r, a: logits, b: xs, beta: 1, c: dWeight)
            }
            chunk.removeAll(keepingCapacity: true)
        }

        for i in 0..<n where targets[i] != ignoreIndex {
            chunk.append(i)
            if chunk.count == chunkRows { flush() }
        }
        if !chunk.isEmpty { flush() }
        return result
    }

    /// One row of logits (V): returns (lse − logit[target], first argmax, entropy of the softmax
    /// = lse − Σ softmaxⱼ·logitⱼ); with `gradScale`, overwrites the row with
    /// gradScale · (softmax − onehot(target)).
    @inlinable
    static func logSoftmaxRow(_ row: UnsafeMutablePointer<Float>, vocab v: Int, target: Int, gradScale: Float?) -> (Double, Int, Double) {
        let w = VectorMath.width
        var mv = VectorMath.V(repeating: -.infinity)
        var j = 0
        while j + w <= v { let x = VectorMath.load(row + j); mv = mv.replacing(with: x, where: x .> mv); j += w }
        var mx = mv.max()
        while j < v { mx = max(mx, row[j]); j += 1 }
        var arg = 0
        while arg < v - 1 && row[arg] != mx { arg += 1 }   // first maximum, like torch.argmax
        // With a gradient wanted, keep e = exp(l − max) in the row so the softmax needs no
        // second exp: grad = e · (gradScale / Σe).
        let keep = gradScale != nil
        let targetLogit = row[target]
        var acc = VectorMath.V(), weighted = VectorMath.V()
        j = 0
        while j + w <= v {
            let shifted = VectorMath.load(row + j) - mx
            let e = VectorMath.exp(shifted)
            if keep { VectorMath.store(e, row + j) }
            acc += e
            weighted += e * shifted
            j += w
        }
        var sum = acc.sum(), weightedSum = weighted.sum()
        while j < v {
            let shifted = row[j] - mx
            let e = Foundation.exp(shifted)
            if keep { row[j] = e }
            sum += e
            weightedSum += e * shifted
            j += 1
        }
        let lse = mx + Foundation.log(sum)
        let loss = Double(lse) - Double(targetLogit)
        // H = lse − E[z] = log Σe − E[z − max], with the expectation under the softmax.
        let entropy = Double(Foundation.log(sum)) - Double(weightedSum) / Double(sum)
        if let g = gradScale {
            let f = g / sum
            j = 0
            while j + w <= v { VectorMath.store(VectorMath.load(row + j) * f, row + j); j += w }
            while j < v { row[j] *= f; j += 1 }
            row[target] -= g
        }
        return (loss, arg, entropy)
    }

    /// Naive loss in Double over full logits, for tests: (lossSum, count, correct).
    public static func reference(
        hidden: UnsafePointer<Float>, weight: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
        rows n: Int, dim c: Int, vocab v: Int
    ) -> Result {
        var result = Result(lossSum: 0, count: 0, correct: 0)
        for i in 0..<n where targets[i] != ignoreIndex {
            var logits = [Double](repeating: 0, count: v)
            for j in 0..<v {
                var s = 0.0
                for p in 0..<c { s += Double(hidden[i * c + p]) * Double(weight[j * c + p]) }
                logits[j] = s
            }
            let mx = logits.max() ?? 0
            let lse = mx + Foundation.log(logits.reduce(0) { $0 + Foundation.exp($1 - mx) })
            result.lossSum += lse - logits[Int(targets[i])]
            result.entropySum += lse - logits.reduce(0) { $0 + Foundation.exp($1 - lse) * $1 }
            result.count += 1
            if logits.firstIndex(of: mx) == Int(targets[i]) { result.correct += 1 }
        }
        return result
    }
}

/// Logits for inference and evaluation: out (N, V) = hidden (N, C) · W (V, C)ᵀ.
public enum LMHead {
    public static func logits(out: UnsafeMutablePointer<Float>, hidden: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                              rows n: Int, dim c: Int, vocab v: Int) {
        MatMul.sgemm(transB: true, m: n, n: v, k: c, a: hidden, b: weight, c: out)
    }
}
