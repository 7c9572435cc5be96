import Testing
@testable import Engine

@Suite struct AttentionInferenceTests {
    /// The last Tq rows of full causal attention equal inference over a cache of the same keys.
    @Test(arguments: [(Attention.Mask.FullyMaskedRows.zero, nil as Int?), (.uniform, 3)])
    func matchesTrainingAttentionOnTheLastRows(fullyMasked: Attention.Mask.FullyMaskedRows, window: Int?) throws {
        let (b, t, h, hkv, d, tq, cap) = (2, 7, 4, 2, 5, 3, 9)
        let s = try Attention.Shape(batch: b, seqLen: t, heads: h, kvHeads: hkv, headDim: d)
        let q = KT.random(b * t * h * d, seed: 1), k = KT.random(b * t * hkv * d, seed: 2), v = KT.random(b * t * hkv * d, seed: 3)
        let pad: [Int32] = [1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1]
        var full = [Float](repeating: 0, count: q.count), probs = [Float](repeating: 0, count: b * h * t * t)
        pad.withUnsafeBufferPointer { pp in
            Attention.forwardReference(out: &full, probs: &probs, q: q, k: k, v: v, shape: s,
                                       mask: .init(causal: true, keyPadding: pp.baseAddress, window: window, fullyMaskedRows: fullyMasked),
                                       scale: 0.5)
        }
        // Cache with spare capacity; padding laid out per capacity.
        var kc = [Float](repeating: 9, count: b * cap * hkv * d), vc = kc
        var padCap = [Int32](repeating: 1, count: b * cap)
        for bi in 0..<b {
            for j in 0..<t {
                for c in 0..<(hkv * d) {
                    kc[(bi * cap + j) * hkv * d + c] = k[(bi * t + j) * hkv * d + c]
                    vc[(bi * cap + j) * hkv * d + c] = v[(bi * t + j) * hkv * d + c]
                }
                padCap[bi * cap + j] = pad[bi * t + j]
            }
        }
        var qNew = [Float](repeating: 0, count: b * tq * h * d)
        for bi in 0..<b { for i in 0..<tq { for c in 0..<(h * d) { qNew[(bi * tq + i) * h * d + c] = q[(bi * t + t - tq + i) * h * d + c] } } }
        var out = [Float](repeating: .nan, count: qNew.count)
        var scratch = [Float](repeating: 0, count: Attention.inferenceScratchCount(queries: tq, keys: t))
        try kc.withUnsafeBufferPointer { kp in
            try vc.withUnsafeBufferPointer { vp in
                try padCap.withUnsafeBufferPointer { pp in
                    try Attention.inference(out: &out, q: qNew, cache: .init(k: kp.baseAddress!, v: vp.baseAddress!, capacity: cap),
                                            shape: s, queries: tq, keys: t, keyPadding: pp.baseAddress, window: window,
                                            fullyMaskedRows: fullyMasked, scale: 0.5, scratch: &scratch)
                }
            }
        }
        var want = [Float](repeating: 0, count: qNew.count)
        for bi in 0..<b { for i in 0..<tq { for c in 0..<(h * d) { want[(bi * tq + i) * h * d + c] = full[(bi * t + t - tq + i) * h * d + c] } } }
        KT.expectClose(out, want, rtol: 1e-5, atol: 1e-6, "inference out")
    }
}
