import Foundation
import Testing
@testable import Engine

/// PyTorch's CPU generator and randperm against torch itself
/// (fixtures by tools/gen_torch_randperm_fixtures.py).
@Suite struct TorchGeneratorTests {
    static func fixture(_ name: String) throws -> JSONValue {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/random"))
        return try JSONParser.parse(bytes: [UInt8](Data(contentsOf: url)))
    }

    static func ints(_ value: JSONValue?) -> [Int] { value?.arrayValue?.compactMap(\.intValue) ?? [] }

    @Test func randpermMatchesTorch() throws {
        let cases = try #require(try Self.fixture("randperm")["randperm"]?.arrayValue)
        #expect(cases.count == 42)
        for c in cases {
            let seed = try #require(c["seed"]?.intValue), n = try #require(c["n"]?.intValue)
            var g = TorchGenerator(seed: seed)
            #expect(g.randperm(n) == Self.ints(c["perm"]), "seed \(seed), n \(n)")
        }
    }

    @Test func longRandpermMatchesTorch() throws {
        let c = try #require(try Self.fixture("randperm")["randperm_large"])
        var g = TorchGenerator(seed: try #require(c["seed"]?.intValue))
        let perm = g.randperm(try #require(c["n"]?.intValue))
        #expect(Array(perm.prefix(20)) == Self.ints(c["first"]))
        #expect(Array(perm.suffix(20)) == Self.ints(c["last"]))
        let weighted = perm.enumerated().reduce(0) { $0 + $1.element * ($1.offset + 1) }
        #expect(weighted == c["weighted_sum"]?.intValue)
    }

    @Test func random64MatchesTorch() throws {
        let c = try #require(try Self.fixture("randperm")["random64_mod_2_63"])
        var g = TorchGenerator(seed: try #require(c["seed"]?.intValue))
        let expected = c["values"]?.arrayValue?.compactMap { $0.stringValue.flatMap { UInt64($0) } } ?? []
        #expect(expected.count == 8)
        for value in expected { #expect(g.random64() % (1 << 63) == value) }
    }

    /// The C++ standard's check of mt19937: the 10,000th output from the default seed 5489.
    @Test func mersenneTwisterReferenceValue() {
        var g = TorchGenerator(seed: 5489)
        for _ in 0..<9999 { _ = g.random() }
        #expect(g.random() == 4_123_659_995)
    }

    @Test func seedKeepsLow32Bits() {
        var a = TorchGenerator(seed: 5), b = TorchGenerator(seed: (1 << 32) + 5), c = TorchGenerator(seed: 6)
        let x = a.randperm(50)
        #expect(x == b.randperm(50))
        #expect(x != c.randperm(50))
        #expect(TorchGenerator(seed: -1).initialSeed == UInt64.max)
    }

    @Test func emptyAndSingle() {
        var g = TorchGenerator(seed: 0)
        #expect(g.randperm(0) == [])
        #expect(g.randperm(1) == [0])
    }
}
