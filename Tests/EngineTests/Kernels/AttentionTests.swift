import Foundation
import Testing
@testable import Engine

@Suite struct AttentionTests {
    /// Runs forward + backward with the fast kernels; returns (out, probs, dq, dk, dv).
    static func run(q: [Float], k: [Float], v: [Float], dout: [Float], shape s: Attention.Shape,
                    mask: Attention.Mask, scale: Float, dropout: DropoutSpec? = nil)
    throws -> (out: [Float], probs: [Float], dq: [Float], dk: [Float], dv: [Float]) {
        var out = [Float](repeating: .nan, count: q.count)
        var probs = [Float](repeating: .nan, count: s.batch * s.heads * s.seqLen * s.seqLen)
        var scratch = [Float](repeating: 0, count: Attention.scratchCount(s))
        var dq = [Float](repeating: 0, count: q.count), dk = [Float](repeating: 0, count: k.count), dv = dk
        try scratch.withUnsafeMutableBufferPointer { sp in
            try Attention.forward(out: &out, probs: &probs, q: q, k: k, v: v, shape: s, mask: mask, scale: scale,
                                  dropout: dropout, scratch: sp.baseAddress)
            Attention.backward(dq: &dq, dk: &dk, dv: &dv, dout: dout, q: q, k: k, v: v, probs: probs, shape: s,
                               mask: mask, scale: scale, dropout: dropout, scratch: sp.baseAddress!)
        }
        return (out, probs, dq, dk, dv)
    }

    @Test(arguments: 0..<6)
    func matchesHuggingFaceEagerAttention(caseIndex: Int) throws {
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
                                          documentIds: docs == nil ? nil : dp.baseAddress, window: window)
                return try Self.run(q: KT.floats(c["q"]), k: KT.floats(c["k"]), v: KT.floats(c["v"]),
                                    dout: KT.floats(c["dout"]), shape: s, mask: mask, scale: scale)
            }
        }
        KT.expectClose(r.out, try KT.floats(c["out"]), rtol: 1e-5, atol: 2e-6, "\(name) out")
        KT.expectClose(r.probs, try KT.floats(c["probs"]), rtol: 1e-5, atol: 1e-7, "\(name) probs")
        KT.expectClose(r.dq, try KT.floats(c["dq"]), rtol: 1e-5, atol: 5e-6, "\(name) dq")
        KT.expectClose(r.dk, try KT.floats(c["dk"]), rtol: 1e-5, atol: 5e-6, "\(name) dk")
        KT.expectClose(r.dv, try KT.floats(c["dv"]), rtol: 1e-5, atol: 5e-6, "\(name) dv")
    }

    /// T = 70 spans two causal row blocks; every mask at once, GQA and dropout.
    @Test(arguments: [false, true])
    func fastMatchesReferenceWithAllMasks(dropout useDropout: Bool) throws {
        let s = try Attention.Shape(batch: 2, seqLen: 70, heads: 4, kvHeads: 2, headDim: 5)
        let q = KT.random(2 * 70 * 4 * 5, seed: 1), k = KT.random(2 * 70 * 2 * 5, seed: 2), v = KT.random(2 * 70 * 2 * 5, seed: 3)
        let dout = KT.random(q.count, seed: 4)
        var pad = [Int32](repeating: 1, count: 140)
        for j in 0..<3 { pad[70 + j] = 0 }           // left padding in the second sequence
        for j in 66..<70 { pad[j] = 0 }              // right padding in the first
        let docs = (0..<140).map { Int32(($0 % 70) / 25) }
        let dropout = useDropout ? try DropoutSpec(p: 0.2, seed: 99) : nil
        let scale: Float = 0.4
        try pad.withUnsafeBufferPointer { pp in
            try docs.withUnsafeBufferPointer { dp in
                let mask = Attention.Mask(causal: true, keyPadding: pp.baseAddress, documentIds: dp.baseAddress, window: 40)
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
                // Masked probabilities are exactly zero; a padding query is uniform over all keys.
                for i in 0..<70 {
                    for j in 0..<70 where !mask.allowed(batch: 0, query: i, key: j, seqLen: 70) && mask.rowHasKey(batch: 0, query: i, seqLen: 70) {
                        #expect(r.probs[i * 70 + j] == 0)
                    }
                }
                let padRow = Array(r.probs[((1 * 4 + 0) * 70 + 1) * 70..<((1 * 4 + 0) * 70 + 2) * 70])
                #expect(padRow.allSatisfy { abs($0 - 1 / 70) < 1e-7 })
                // Bit-identical on a second run.
                let again = try Self.run(q: q, k: k, v: v, dout: dout, shape: s, mask: mask, scale: scale, dropout: dropout)
                #expect(again.out == r.out && again.dq == r.dq && again.dk == r.dk && again.dv == r.dv)
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

    @Test func invalidShapeThrows() {
        #expect(throws: KernelError.self) { try Attention.Shape(batch: 1, seqLen: 4, heads: 3, kvHeads: 2, headDim: 8) }
    }
}
