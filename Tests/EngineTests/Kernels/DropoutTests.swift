import Testing
@testable import Engine

@Suite struct DropoutTests {
    @Test func keepsAboutOneMinusPAndScales() throws {
        let spec = try DropoutSpec(p: 0.25, seed: 42)
        let n = 40_000
        let x = [Float](repeating: 1, count: n)
        var y = [Float](repeating: 0, count: n)
        Dropout.forward(y: &y, x: x, count: n, spec: spec)
        let kept = y.filter { $0 != 0 }
        #expect(kept.allSatisfy { abs($0 - 4 / 3) < 1e-6 })
        #expect(abs(Double(kept.count) / Double(n) - 0.75) < 0.01)
        // Same seed, same mask; another seed, another mask.
        var y2 = [Float](repeating: 0, count: n)
        Dropout.forward(y: &y2, x: x, count: n, spec: spec)
        #expect(y2 == y)
        Dropout.forward(y: &y2, x: x, count: n, spec: try DropoutSpec(p: 0.25, seed: 43))
        #expect(y2 != y)
        // Backward applies the regenerated mask and accumulates.
        let dy = KT.random(n, seed: 3)
        var dx = [Float](repeating: 1, count: n)
        Dropout.backward(dx: &dx, dy: dy, count: n, spec: spec)
        KT.expectClose(dx, (0..<n).map { 1 + dy[$0] * y[$0] }, "dx")
        #expect(Dropout.factor(at: 5, spec: spec) == y[5])
    }

    /// The loops compute the hash key once per span; spans that cross a 2³² element boundary
    /// (keys change there) and the fused copy give the per-vector factors all the same.
    @Test(arguments: [0, 1 << 32 - 13])
    func spanLoopsMatchPerVectorFactors(first: Int) throws {
        let spec = try DropoutSpec(p: 0.3, seed: 0xDEAD_BEEF_1234)
        let n = 61
        let src = KT.random(n, seed: 5)
        let expected = (0..<n).map { i -> Float in
            let start = first + i / 8 * 8
            return src[i] * spec.factors(at: start)[i % 8]
        }
        var inPlace = src
        inPlace.withUnsafeMutableBufferPointer { spec.apply($0.baseAddress!, first: first, count: n) }
        #expect(inPlace == expected)
        var copied = [Float](repeating: 9, count: n)
        copied.withUnsafeMutableBufferPointer { spec.apply(src, into: $0.baseAddress!, first: first, count: n) }
        #expect(copied == expected)
        #expect(expected.contains(0) && expected.contains { $0 != 0 })
    }

    @Test func invalidProbabilityThrows() {
        #expect(throws: KernelError.self) { try DropoutSpec(p: 1, seed: 0) }
        #expect(throws: KernelError.self) { try DropoutSpec(p: -0.1, seed: 0) }
    }

    @Test func neftuneNoiseHasTheRightMagnitude() {
        var rng = Philox(seed: 7)
        let (b, l, d) = (2, 8, 16)
        var e = [Float](repeating: 0, count: b * l * d)
        NEFTune.addNoise(&e, batch: b, seqLen: l, dim: d, alpha: 5, rng: &rng)
        let m: Float = 5 / (Float(l * d)).squareRoot()
        #expect(e.allSatisfy { abs($0) <= m })
        #expect((e.map { abs($0) }.max() ?? 0) > 0.9 * m)
    }
}
