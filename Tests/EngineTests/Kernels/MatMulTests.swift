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

    /// Products large enough to be split over the workers (row slices when C is tall, column
    /// slices when it is wide) match one single-threaded call and repeat bit for bit.
    @Test(arguments: [(false, false, 300, 200), (true, false, 300, 200), (false, true, 100, 700), (true, true, 100, 700)])
    func splitProductsMatchOneCallAndRepeat(transA: Bool, transB: Bool, m: Int, n: Int) {
        let k = 96
        #expect(m * n * k >= MatMul.parallelThreshold)
        var rng = SplitMix(seed: 11)
        let a = (0..<(m * k)).map { _ in rng.nextFloat() - 0.5 }
        let b = (0..<(k * n)).map { _ in rng.nextFloat() - 0.5 }
        let c0 = (0..<(m * n)).map { _ in rng.nextFloat() }
        var split = c0, again = c0, single = c0
        MatMul.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.75, a: a, b: b, beta: 1, c: &split)
        MatMul.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.75, a: a, b: b, beta: 1, c: &again)
        MatMul.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.75, a: a, lda: transA ? m : k,
                     b: b, ldb: transB ? k : n, beta: 1, c: &single, ldc: n)
        #expect(split == again)
        var worst: Float = 0
        for i in 0..<(m * n) { worst = max(worst, abs(split[i] - single[i]) / max(1, abs(single[i]))) }
        #expect(worst <= 1e-5, "largest relative difference \(worst)")
    }

    @Test func slicesCoverEveryRowOnceOnTileBoundaries() {
        for count in [1, 15, 16, 33, 100, 2048, 8191] {
            for parts in 1...4 {
                let slices = (0..<parts).map { MatMul.slice($0, of: parts, count: count) }
                #expect(slices.map(\.count).reduce(0, +) == count)
                #expect(slices.first?.lowerBound == 0 && slices.last?.upperBound == count)
                for (x, y) in zip(slices, slices.dropFirst()) {
                    #expect(x.upperBound == y.lowerBound)
                    #expect(y.lowerBound % 16 == 0 || y.lowerBound == count)
                }
            }
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
