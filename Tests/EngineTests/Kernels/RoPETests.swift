import Foundation
import Testing
@testable import Engine

@Suite struct RoPETests {
    @Test(arguments: 0..<2)
    func matchesLlamaRotaryEmbedding(caseIndex: Int) throws {
        let cases = try #require(try KT.fixture("rope")["cases"] as? [[String: Any]])
        let c = cases[caseIndex]
        let d = try #require((c["headDim"] as? NSNumber)?.intValue), heads = try #require((c["heads"] as? NSNumber)?.intValue)
        let theta = Float(try #require((c["theta"] as? NSNumber)?.doubleValue))
        let positions = try KT.ints(c["positions"])
        let rope = try RoPE(headDim: d, theta: theta)
        var x = try KT.floats(c["x"])
        let original = x
        rope.forward(&x, positions: positions, tokens: positions.count, heads: heads)
        KT.expectClose(x, try KT.floats(c["y"]), rtol: 1e-5, atol: 2e-6, "rope θ=\(theta)")
        var xr = original
        rope.forwardReference(&xr, positions: positions, tokens: positions.count, heads: heads)
        KT.expectClose(x, xr, rtol: 1e-5, atol: 1e-6, "fast vs reference")
    }

    @Test func backwardIsTheTransposeRotation() throws {
        let rope = try RoPE(headDim: 6, theta: 10000)
        let positions: [Int32] = [0, 5, 2]
        let x = KT.random(3 * 2 * 6, seed: 1), dy = KT.random(3 * 2 * 6, seed: 2)
        var dx = dy
        rope.backward(&dx, positions: positions, tokens: 3, heads: 2)
        KT.expectGradient(x, analytic: dx, "dx") { x in
            var y = x
            rope.forward(&y, positions: positions, tokens: 3, heads: 2)
            return KT.weightedSum(y, dy)
        }
    }

    @Test func oddHeadDimThrows() {
        #expect(throws: KernelError.self) { try RoPE(headDim: 7, theta: 10000) }
    }
}
