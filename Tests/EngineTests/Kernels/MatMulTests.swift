import Testing
@testable import Engine

/// Links OpenBLAS and holds `cblas_sgemm` to the naive reference, in all four transpositions.
@Suite struct MatMulTests {
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func sgemmMatchesReference(transA: Bool, transB: Bool) {
        let (m, n, k) = (37, 45, 29)
        var rng = SplitMix(seed: 7)
        let a = (0..<(m * k)).map { _ in rng.nextFloat() - 0.5 }
        let b = (0..<(k * n)).map { _ in rng.nextFloat() - 0.5 }
        var fast = [Float](repeating: 0.25, count: m * n)
        var slow = fast
        MatMul.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 1.5, a: a, b: b, beta: 0.5, c: &fast)
        MatMul.sgemmReference(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 1.5, a: a, b: b, beta: 0.5, c: &slow)
        for i in 0..<(m * n) {
            #expect(abs(fast[i] - slow[i]) <= 1e-5 * max(1, abs(slow[i])))
        }
    }
}

/// A tiny deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func nextFloat() -> Float { Float(next() >> 40) / Float(1 << 24) }
}
