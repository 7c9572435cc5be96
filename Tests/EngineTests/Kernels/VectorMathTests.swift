import Foundation
import Testing
@testable import Engine

@Suite struct VectorMathTests {
    func apply(_ f: (VectorMath.V) -> VectorMath.V, _ xs: [Float]) -> [Float] {
        var out: [Float] = []
        var i = 0
        while i < xs.count {
            var v = VectorMath.V()
            for k in 0..<8 where i + k < xs.count { v[k] = xs[i + k] }
            let y = f(v)
            for k in 0..<8 where i + k < xs.count { out.append(y[k]) }
            i += 8
        }
        return out
    }

    let xs: [Float] = (0..<2001).map { Float($0 - 1000) * 0.09 }

    @Test func expMatchesFoundation() {
        let got = apply(VectorMath.exp, xs)
        for (x, y) in zip(xs, got) where x < 88.7 {
            let want = Foundation.exp(Double(x))
            #expect(abs(Double(y) - want) <= 3e-7 * want + 1e-37, "exp(\(x)) = \(y), want \(want)")
        }
        #expect(apply(VectorMath.exp, [-.infinity, -100, 0])[0...2] == [0, 0, 1])
    }

    @Test func erfcHasSmallRelativeError() {
        let got = apply(VectorMath.erfc, xs.map { $0 / 15 })
        for (x, y) in zip(xs.map { $0 / 15 }, got) {
            let want = Foundation.erfc(Double(x))
            #expect(abs(Double(y) - want) <= 5e-6 * want + 1e-37, "erfc(\(x)) = \(y), want \(want)")
        }
    }

    @Test func tanhAndSigmoid() {
        let t = apply(VectorMath.tanh, xs)
        let s = apply(VectorMath.sigmoid, xs)
        for i in xs.indices {
            #expect(abs(Double(t[i]) - Foundation.tanh(Double(xs[i]))) <= 3e-7)
            #expect(abs(Double(s[i]) - 1 / (1 + Foundation.exp(-Double(xs[i])))) <= 3e-7)
        }
    }
}
