import Foundation
import Testing
@testable import Engine

@Suite struct GradClipTests {
    @Test func matchesTorchClipGradNorm() throws {
        let cases = try #require(try KT.fixture("clip")["cases"] as? [[String: Any]])
        for c in cases {
            let maxNorm = Float(try #require((c["maxNorm"] as? NSNumber)?.doubleValue))
            let sizes = try #require(c["sizes"] as? [NSNumber]).map(\.intValue)
            var grads = try KT.floats(c["grads"])
            let tensors = [0..<sizes[0], sizes[0]..<(sizes[0] + sizes[1])]
            let norm = GradClip.clip(&grads, tensors: tensors, maxNorm: maxNorm)
            let want = Float(try #require((c["totalNorm"] as? NSNumber)?.doubleValue))
            #expect(abs(norm - want) <= 1e-6 * want, "norm \(norm) vs \(want)")
            KT.expectClose(grads, try KT.floats(c["clipped"]), rtol: 1e-6, atol: 1e-8, "clipped (max_norm \(maxNorm))")
        }
    }
}
