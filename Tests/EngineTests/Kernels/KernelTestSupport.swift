import Foundation
import Testing
@testable import Engine

/// Shared helpers for the kernel tests: random data, fixtures, comparisons, finite differences.
enum KT {
    static func random(_ n: Int, seed: UInt64, scale: Float = 1) -> [Float] {
        var rng = SplitMix(seed: seed)
        return (0..<n).map { _ in (rng.nextFloat() * 2 - 1) * scale }
    }

    /// A fixture from Fixtures/kernels as a JSON dictionary.
    static func fixture(_ name: String) throws -> [String: Any] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/kernels"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(object as? [String: Any])
    }

    static func floats(_ any: Any?) throws -> [Float] {
        let values = try #require(any as? [Any])
        return try values.map { Float(try #require(($0 as? NSNumber)?.doubleValue)) }
    }

    static func ints(_ any: Any?) throws -> [Int32] {
        let values = try #require(any as? [Any])
        return try values.map { Int32(try #require(($0 as? NSNumber)?.intValue)) }
    }

    /// Every |a − b| ≤ atol + rtol·|b|; reports the first few mismatches.
    static func expectClose(_ a: [Float], _ b: [Float], rtol: Float = 1e-5, atol: Float = 1e-6,
                            _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.count == b.count, "\(what): count \(a.count) vs \(b.count)", sourceLocation: sourceLocation)
        var bad = 0
        for i in 0..<min(a.count, b.count) where !(abs(a[i] - b[i]) <= atol + rtol * abs(b[i])) {
            bad += 1
            if bad <= 3 { Issue.record("\(what)[\(i)]: \(a[i]) vs expected \(b[i])", sourceLocation: sourceLocation) }
        }
    }

    /// Holds `analytic` to central differences of `loss` around `x` (perturbing each element).
    static func expectGradient(
        _ x: [Float], analytic: [Float], eps: Float = 1e-2, rtol: Double = 2e-2, atol: Double = 2e-3,
        _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation,
        loss: ([Float]) -> Double
    ) {
        var xp = x
        var bad = 0
        for i in x.indices {
            xp[i] = x[i] + eps
            let up = loss(xp)
            xp[i] = x[i] - eps
            let down = loss(xp)
            xp[i] = x[i]
            let numeric = (up - down) / Double(2 * eps)
            if !(abs(numeric - Double(analytic[i])) <= atol + rtol * abs(numeric)) {
                bad += 1
                if bad <= 3 { Issue.record("\(what) grad[\(i)]: analytic \(analytic[i]) vs numeric \(numeric)", sourceLocation: sourceLocation) }
            }
        }
    }

    /// Σ out·w in Double: the scalar whose gradient wrt out is w.
    static func weightedSum(_ out: [Float], _ w: [Float]) -> Double {
        var s = 0.0
        for i in out.indices { s += Double(out[i]) * Double(w[i]) }
        return s
    }
}
