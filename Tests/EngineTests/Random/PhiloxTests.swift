import Foundation
import Testing
@testable import Engine

@Suite struct PhiloxTests {
    /// Known-answer vectors of Random123's philox4x32-10 (kat_vectors).
    @Test func knownAnswers() {
        #expect(Philox.block(key: 0, counter: 0) == SIMD4(0x6627_E8D5, 0xE169_C58D, 0xBC57_AC4C, 0x9B00_DBD8))
    }

    @Test func saveAndRestoreContinueTheStream() throws {
        var a = Philox(seed: 1234)
        for _ in 0..<7 { _ = a.nextUInt32() }
        let bytes = a.bytes
        let json = try JSONEncoder().encode(a)
        let expected = (0..<10).map { _ in a.nextUInt32() }
        var b = try Philox(bytes: bytes)
        #expect((0..<10).map { _ in b.nextUInt32() } == expected)
        var c = try JSONDecoder().decode(Philox.self, from: json)
        #expect((0..<10).map { _ in c.nextUInt32() } == expected)
        #expect(throws: KernelError.self) { try Philox(bytes: [1, 2, 3]) }
    }

    @Test func distributions() throws {
        var r = Philox(seed: 9)
        let u = (0..<20_000).map { _ in r.nextFloat() }
        #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(u.reduce(0, +) / 20_000 - 0.5) < 0.01)
        let g = (0..<20_000).map { _ in Double(r.nextNormal()) }
        let mean = g.reduce(0, +) / 20_000
        let variance = g.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 20_000
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.05)
        let ints = try (0..<5000).map { _ in try r.nextInt(-3, 4) }
        #expect(Set(ints) == Set(-3..<4))
        #expect(throws: KernelError.self) { try r.nextInt(2, 2) }
    }
}
