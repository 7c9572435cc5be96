import Foundation
import Testing
@testable import Engine

@Suite struct CrossEntropyTests {
    func run(hidden: [Float], weight: [Float], targets: [Int32], n: Int, c: Int, v: Int, chunkRows: Int,
             gradScale: Float, withGrads: Bool = true) throws -> (CrossEntropy.Result, [Float], [Float]) {
        var dh = [Float](repeating: 0, count: n * c), dw = [Float](repeating: 0, count: v * c)
        var scratch = [Float](repeating: 0, count: CrossEntropy.scratchCount(vocab: v, dim: c, chunkRows: chunkRows))
        let r = try dh.withUnsafeMutableBufferPointer { dhp in
            try dw.withUnsafeMutableBufferPointer { dwp in
                try CrossEntropy.forwardBackward(hidden: hidden, weight: weight, targets: targets, rows: n, dim: c, vocab: v,
                                                 gradScale: gradScale, dHidden: withGrads ? dhp.baseAddress : nil,
                                                 dWeight: withGrads ? dwp.baseAddress : nil, chunkRows: chunkRows, scratch: &scratch)
            }
        }
        return (r, dh, dw)
    }

    @Test(arguments: [1, 2, 4, 64])
    func matchesTorchCrossEntropy(chunkRows: Int) throws {
        let f = try KT.fixture("cross_entropy")
        let n = 6, c = 5, v = 7
        let hidden = try KT.floats(f["hidden"]), weight = try KT.floats(f["weight"]), targets = try KT.ints(f["targets"])
        let count = CrossEntropy.count(targets, rows: n)
        #expect(count == 4)
        let (r, dh, dw) = try run(hidden: hidden, weight: weight, targets: targets, n: n, c: c, v: v,
                                  chunkRows: chunkRows, gradScale: 1 / Float(count))
        let loss = try #require((f["loss"] as? NSNumber)?.doubleValue)
        #expect(abs(r.meanLoss - loss) <= 1e-6 * abs(loss))
        #expect(r.correct == (f["correct"] as? NSNumber)?.intValue)
        KT.expectClose(dh, try KT.floats(f["dHidden"]), rtol: 1e-5, atol: 1e-7, "dHidden")
        KT.expectClose(dw, try KT.floats(f["dWeight"]), rtol: 1e-5, atol: 1e-7, "dWeight")
        let evalOnly = try run(hidden: hidden, weight: weight, targets: targets, n: n, c: c, v: v,
                               chunkRows: chunkRows, gradScale: 1, withGrads: false)
        #expect(evalOnly.0 == r)
    }

    @Test func matchesReferenceAndFiniteDifferences() throws {
        let n = 9, c = 11, v = 19
        let hidden = KT.random(n * c, seed: 1), weight = KT.random(v * c, seed: 2)
        let targets: [Int32] = [3, -100, 18, 0, 7, -100, -100, 12, 5]
        let (r, dh, dw) = try run(hidden: hidden, weight: weight, targets: targets, n: n, c: c, v: v, chunkRows: 4, gradScale: 1)
        let ref = CrossEntropy.reference(hidden: hidden, weight: weight, targets: targets, rows: n, dim: c, vocab: v)
        #expect(abs(r.lossSum - ref.lossSum) < 1e-5 * ref.lossSum && r.count == 6 && r.correct == ref.correct)
        func loss(_ h: [Float], _ w: [Float]) -> Double {
            CrossEntropy.reference(hidden: h, weight: w, targets: targets, rows: n, dim: c, vocab: v).lossSum
        }
        KT.expectGradient(hidden, analytic: dh, eps: 1e-3, "dHidden") { loss($0, weight) }
        KT.expectGradient(weight, analytic: dw, eps: 1e-3, "dWeight") { loss(hidden, $0) }
    }

    @Test func shiftsLabelsPerRow() {
        let labels: [Int32] = [1, 2, 3, 4, 5, 6]
        var targets = [Int32](repeating: 0, count: 6)
        CrossEntropy.shiftLabels(labels, into: &targets, batch: 2, seqLen: 3)
        #expect(targets == [2, 3, -100, 5, 6, -100])
    }

    @Test func labelOutsideVocabularyThrows() throws {
        #expect(throws: KernelError.self) {
            _ = try run(hidden: [1, 2], weight: [1, 2, 3, 4], targets: [2], n: 1, c: 2, v: 2, chunkRows: 1, gradScale: 1)
        }
    }
}
