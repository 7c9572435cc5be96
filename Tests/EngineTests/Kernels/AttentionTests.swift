import Foundation
import Testing
@testable import Engine

@Suite struct AttentionTests {
    /// Runs forward + backward with the fast kernels; returns (out, probs, dq, dk, dv). With
    /// `recompute`, forward saves only the log-sum-exp and `probs` comes back empty.
    static func run(q: [Float], k: [Float], v: [Float], dout: [Float], shape s: Attention.Shape,
                    mask: Attention.Mask, scale: Float, dropout: DropoutSpec? = nil, recompute: Bool = false)
    throws -> (out: [Float], probs: [Float], dq: [Float], dk: [Float], dv: [Float]) {
        var out = [Float](repeating: .nan, count: q.count)
        var probs = [Float](repeating: .nan, count: recompute ? 0 : s.batch * s.heads * s.seqLen * s.seqLen)
        var lse = [Float](repeating: .nan, count: s.batch * s.heads * s.seqLen)
        var scratch = [Float](repeating: .nan, count: Attention.scratchCount(s))
        var dq = [Float](repeating: 0, count: q.count), dk = [Float](repeating: 0, count: k.count), dv = dk
        try scratch.withUnsafeMutableBufferPointer { sp in
            try probs.withUnsafeMutableBufferPointer { pp in
                try lse.withUnsafeMutableBufferPointer { lp in
                    let saved: Attention.Saved = recompute ? .logSumExp(lp.baseAddress!) : .probabilities(pp.baseAddress!)
                    try Attention.forward(out: &out, saved: saved, q: q, k: k, v: v, shape: s, mask: mask, scale: scale,
                                          dropout: dropout, scratch: sp.baseAddress)
                    Attention.backward(dq: &dq, dk: &dk, dv: &dv, dout: dout, q: q, k: k, v: v, saved: saved, shape: s,
                                       mask: mask, scale: scale, dropout: dropout, scratch: sp.baseAddress!)
                }
            }
        }
        return (out, probs, dq, dk, dv)
    }

    @Test(arguments: 0..<8)
    func matchesHuggingFaceAttention(caseIndex: Int) throws {
        let f = try KT.fixture("attention")
        let cases = try #require(f["cases"] as? [[String: Any]])
        let c = cases[caseIndex]
        func int(_ key: String) throws -> Int { try #require((c[key] as? NSNumber)?.intValue) }
        let s = try Attention.Shape(batch: int("batch"), seqLen: int("seqLen"), heads: int("heads"),
                                    kvHeads: int("kvHeads"), headDim: int("headDim"))
        let pad = try (c["keyPadding"] as? [[Any]]).map { try KT.ints($0.flatMap { $0 }) }
        let docs = try (c["documentIds"] as? [[Any]]).map { try KT.ints($0.flatMap { $0 }) }
        let scale = Float(try #require((c["scale"] as? NSNumber)?.doubleValue))
        let window = (c["window"] as? NSNumber)?.intValue
        let name = c["name"] as? String ?? "?"
        let r = try (pad ?? []).withUnsafeBufferPointer { pp in
            try (docs ?? []).withUnsafeBufferPointer { dp in
                let mask = Attention.Mask(causal: c["causal"] as? Bool ?? true,
                                          keyPadding: pad == nil ? nil : pp.baseAddress,
                                          documentIds: docs == nil ? nil : dp.baseAddress, window: window,
                                          fullyMaskedRows: c["impl"] as? String == "sdpa" ? .zero : .uniform)
                return try Self.run(q: KT.floats(c["q"]), k: KT.floats(c["k"]), v: KT.floats(c["v"]),
                                    dout: KT.floats(c["dout"]), shape: s, mask: mask, scale: scale)
            }
        }
        KT.expectClose(r.out, try KT.floats(c["out"]), rtol: 1e-5, atol: 2e-6, "\(name) out")
        KT.expectClose(r.probs, try KT.floats(c["probs"]), rtol: 1e-5, atol: 1e-7, "\(name) probs")
        KT.expectClose(r.dq, try KT.floats(c["dq"]), rtol: 1e-5, atol: 5e-6, "\(name) dq")
        KT.expectClose(r.dk, try KT.floats(c["dk"]), rtol: 1e-5, atol: 5e-6, "\(name) dk")
        KT.expectClose(r.dv, try KT.floats(c["dv"]), rtol: 1e-5, atol: 5e-6, "\(name) dv")
        let lean = try (pad ?? []).withUnsafeBufferPointer { pp in
            try (docs ?? []).withUnsafeBufferPointer { dp in
                let mask = Attention.Mask(causal: c["causal"] as? Bool ?? true,
                                          keyPadding: pad == nil ? nil : pp.baseAddress,
                                          documentIds: docs == nil ? nil : dp.baseAddress, window: window,
                                          fullyMaskedRows: c["impl"] as? String == "sdpa" ? .zero : .uniform)
                return try Self.run(q: KT.floats(c["q"]), k: KT.floats(c["k"]), v: KT.floats(c["v"]),
                                    dout: KT.floats(c["dout"]), shape: s, mask: mask, scale: scale, recompute: true)
            }
        }
        KT.expectClose(lean.out, r.out, rtol: 1e-6, atol: 1e-7, "\(name) recompute out")
        KT.expectClose(lean.dq, try KT.floats(c["dq"]), rtol: 1e-5, atol: 5e-6, "\(name) recompute dq")
        KT.expectClose(lean.dk, try KT.floats(c["dk"]), rtol: 1e-5, atol: 5e-6, "\(name) recompute dk")
        KT.expectClose(lean.dv, try KT.floats(c["dv"]), rtol: 1e-5, atol: 5e-6, "\(name) recompute dv")
    }

    /// T = 70 spans two causal row blocks; every mask at once, GQA and dropout.
    @Test(arguments: [(false, true, Attention.Mask.FullyMaskedRows.uniform), (true, true, .zero), (false, false, .zero)])
    func fastMatchesReferenceWithAllMasks(dropout useDropout: Bool, monotoneDocuments: Bool,
                                          fullyMasked: Attention.Mask.FullyMaskedRows) throws {
        let s = try Attention.Shape(batch: 2, seqLen: 70, heads: 4, kvHeads: 2, headDim: 5)
        let q = KT.random(2 * 70 * 4 * 5, seed: 1), k = KT.random(2 * 70 * 2 * 5, seed: 2), v = KT.random(2 * 70 * 2 * 5, seed: 3)
        let dout = KT.random(q.count, seed: 4)
        var pad = [Int32](repeating: 1, count: 140)
        for j in 0..<3 { pad[70 + j] = 0 }           // left padding in the second sequence
        for j in 66..<70 { pad[j] = 0 }              // right padding in the first
        // Monotone ids let the plan skip other documents; interleaved ids take the general path.
        let docs: [Int32] = (0..<140).map { (p: Int) -> Int32 in
            let i = p % 70
            return Int32(monotoneDocuments ? i / 25 : (i / 10) % 3)
        }
        let dropout = useDropout ? try DropoutSpec(p: 0.2, seed: 99) : nil
        let scale: Float = 0.4
        try pad.withUnsafeBufferPointer { pp in
            try docs.withUnsafeBufferPointer { dp in
                let mask = Attention.Mask(causal: true, keyPadding: pp.baseAddress, documentIds: dp.baseAddress, window: 40,
                                          fullyMaskedRows: fullyMasked)
                let r = try Self.run(q: q, k: k, v: v, dout: dout, shape: s, mask: mask, scale: scale, dropout: dropout)
                var out = [Float](repeating: 0, count: q.count), probs = [Float](repeating: 0, count: r.probs.count)
                Attention.forwardReference(out: &out, probs: &probs, q: q, k: k, v: v, shape: s, mask: mask, scale: scale, dropout: dropout)
                KT.expectClose(r.out, out, rtol: 1e-5, atol: 1e-6, "out")
                KT.expectClose(r.probs, probs, rtol: 1e-5, atol: 1e-7, "probs")
                var dq = [Float](repeating: 0, count: q.count), dk = [Float](repeating: 0, count: k.count), dv = dk
                Attention.backwardReference(dq: &dq, dk: &dk, dv: &dv, dout: dout, q: q, k: k, v: v, probs: probs,
                                            shape: s, scale: scale, dropout: dropout)
                KT.expectClose(r.dq, dq, rtol: 1e-4, atol: 1e-5, "dq")
                KT.expectClose(r.dk, dk, rtol: 1e-4, atol: 1e-5, "dk")
                KT.expectClose(r.dv, dv, rtol: 1e-4, atol: 1e-5, "dv")
                // Masked probabilities are exactly zero; a padding query is uniform over all keys or 0.
                for i in 0..<70 {
                    for j in 0..<70 where !mask.allowed(batch: 0, query: i, key: j, seqLen: 70) && mask.rowHasKey(batch: 0, query: i, seqLen: 70) {
                        #expect(r.probs[i * 70 + j] == 0)
                    }
                }
                let padRow = Array(r.probs[((1 * 4 + 0) * 70 + 1) * 70..<((1 * 4 + 0) * 70 + 2) * 70])
                #expect(padRow.allSatisfy { abs($0 - (fullyMasked == .uniform ? 1 / 70 : 0)) < 1e-7 })
                // Bit-identical on a second run.
                let again = try Self.run(q: q, k: k, v: v, dout: dout, shape: s, mask: mask, scale: scale, dropout: dropout)
                #expect(again.out == r.out && again.dq == r.dq && again.dk == r.dk && again.dv == r.dv)
                // Saving only the log-sum-exp and recomputing P gives the same results.
                let lean = try Self.run(q: q, k: k, v: v, dout: dout, shape: s, mask: mask, scale: scale, dropout: dropout, recompute: true)
                KT.expectClose(lean.out, r.out, rtol: 1e-6, atol: 1e-7, "recompute out")
                KT.expectClose(lean.dq, r.dq, rtol: 1e-4, atol: 1e-6, "recompute dq")
                KT.expectClose(lean.dk, r.dk, rtol: 1e-4, atol: 1e-6, "recompute dk")
                KT.expectClose(lean.dv, r.dv, rtol: 1e-4, atol: 1e-6, "recompute dv")
            }
        }
    }

    @Test func backwardMatchesFiniteDifferencesWithDropout() throws {
        let s = try Attention.Shape(batch: 1, seqLen: 5, heads: 2, kvHeads: 1, headDim: 3)
        let q = KT.random(5 * 2 * 3, seed: 11), k = KT.random(5 * 3, seed: 12), v = KT.random(5 * 3, seed: 13)
        let dout = KT.random(q.count, seed: 14)
        let dropout = try DropoutSpec(p: 0.3, seed: 5)
        let mask = Attention.Mask(causal: true)
        let r = try Self.run(q: q, k: k, v: v, dout: dout, shape: s, mask: mask, scale: 0.7, dropout: dropout)
        func loss(_ q: [Float], _ k: [Float], _ v: [Float]) -> Double {
            (try? Self.run(q: q, k: k, v: v, dout: dout, shape: s, mask: mask, scale: 0.7, dropout: dropout))
                .map { KT.weightedSum($0.out, dout) } ?? .nan
        }
        KT.expectGradient(q, analytic: r.dq, "dq") { loss($0, k, v) }
        KT.expectGradient(k, analytic: r.dk, "dk") { loss(q, $0, v) }
        KT.expectGradient(v, analytic: r.dv, "dv") { loss(q, k, $0) }
    }

    @Test func documentIdsFromPackedPositionIds() {
        let positions: [Int32] = [0, 1, 2, 0, 1, 0, 0, 1, 2, 3, 4, 0]
        var docs = [Int32](repeating: -1, count: 12)
        Attention.Mask.documentIds(positions: positions, into: &docs, batch: 2, seqLen: 6)
        #expect(docs == [0, 0, 0, 1, 1, 2, 0, 0, 0, 0, 0, 1])
    }

    @Test func invalidShapeThrows() {
        #expect(throws: KernelError.self) { try Attention.Shape(batch: 1, seqLen: 4, heads: 3, kvHeads: 2, headDim: 8) }
        #expect(throws: KernelError.self) { try Attention.Shape(batch: 1, seqLen: 4, heads: 2, headDim: 8, fusedRowStride: 40) }
    }

    /// q, k, v read in place from one fused (N, Q + 2K) q|k|v buffer (GPT-2's c_attn output),
    /// with their gradients written in place into one such buffer, give exactly the numbers of
    /// separate contiguous tensors — the same products on the same values.
    @Test func fusedRowStridesGiveTheSameNumbersAsSeparateTensors() throws {
        let (b, t, h, kvh, d) = (2, 70, 4, 2, 8)   // t > blockRows: several causal blocks
        let s = try Attention.Shape(batch: b, seqLen: t, heads: h, kvHeads: kvh, headDim: d)
        let qd = h * d, kd = kvh * d, w = qd + 2 * kd, n = b * t
        let q = KT.random(n * qd, seed: 21), k = KT.random(n * kd, seed: 22), v = KT.random(n * kd, seed: 23)
        let dout = KT.random(n * qd, seed: 24)
        var docs = [Int32](repeating: 0, count: n)
        for i in 0..<n where i % t >= 40 { docs[i] = 1 }
        var fused = [Float](repeating: 0, count: n * w)
        for r in 0..<n {
            for j in 0..<qd { fused[r * w + j] = q[r * qd + j] }
            for j in 0..<kd { fused[r * w + qd + j] = k[r * kd + j]; fused[r * w + qd + kd + j] = v[r * kd + j] }
        }
        let strided = try Attention.Shape(batch: b, seqLen: t, heads: h, kvHeads: kvh, headDim: d, fusedRowStride: w)
        try docs.withUnsafeBufferPointer { dp in
            let mask = Attention.Mask(causal: true, documentIds: dp.baseAddress)
            let plain = try Self.run(q: q, k: k, v: v, dout: dout, shape: s, mask: mask, scale: 0.35)
            var out = [Float](repeating: .nan, count: n * qd)
            var probs = [Float](repeating: .nan, count: b * h * t * t)
            var scratch = [Float](repeating: .nan, count: Attention.scratchCount(s))
            var dFused = [Float](repeating: 0, count: n * w)
            try fused.withUnsafeBufferPointer { f in
                let fq = f.baseAddress!
                try probs.withUnsafeMutableBufferPointer { pp in
                    try Attention.forward(out: &out, saved: .probabilities(pp.baseAddress!), q: fq, k: fq + qd, v: fq + qd + kd,
                                          shape: strided, mask: mask, scale: 0.35)
                    dFused.withUnsafeMutableBufferPointer { g in
                        let gq = g.baseAddress!
                        Attention.backward(dq: gq, dk: gq + qd, dv: gq + qd + kd, dout: dout, q: fq, k: fq + qd, v: fq + qd + kd,
                                           saved: .probabilities(pp.baseAddress!), shape: strided, mask: mask, scale: 0.35,
                                           scratch: &scratch)
                    }
                }
            }
            #expect(out == plain.out)
            #expect(probs == plain.probs)
            var dq: [Float] = [], dk: [Float] = [], dv: [Float] = []
            for r in 0..<n {
                dq += dFused[(r * w)..<(r * w + qd)]
                dk += dFused[(r * w + qd)..<(r * w + qd + kd)]
                dv += dFused[(r * w + qd + kd)..<(r * w + w)]
            }
            #expect(dq == plain.dq && dk == plain.dk && dv == plain.dv)
        }
    }
}
