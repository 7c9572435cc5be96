import Foundation

/// The engine's seeded random generator: Philox4x32-10 (Salmon et al., "Parallel random
/// numbers: as easy as 1, 2, 3"), the counter-based generator torch and JAX use on GPUs.
///
/// The whole state is (seed, counter, lane), so it saves to a few bytes (`Codable` or
/// `bytes`) for checkpoints, and a resumed run draws exactly the numbers it would have drawn.
/// Streams do not match torch's CPU generator (a Mersenne Twister); nothing relies on that.
public struct Philox: Codable, Equatable, Sendable {
    public private(set) var seed: UInt64
    /// Index of the next 128-bit block.
    public private(set) var counter: UInt64
    /// Next unused 32-bit lane of the current block (0...4; 4 = block exhausted).
    public private(set) var lane: Int
    private var block: SIMD4<UInt32>

    public init(seed: UInt64) {
        self.seed = seed
        counter = 0
        lane = 4
        block = SIMD4()
    }

    private enum CodingKeys: String, CodingKey { case seed, counter, lane }

    public init(from decoder: Swift.Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(seed: c.decode(UInt64.self, forKey: .seed),
                      counter: c.decode(UInt64.self, forKey: .counter),
                      lane: c.decode(Int.self, forKey: .lane))
    }

    public func encode(to encoder: Swift.Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seed, forKey: .seed)
        try c.encode(counter, forKey: .counter)
        try c.encode(lane, forKey: .lane)
    }

    /// Restores a saved state; throws if `lane` is not in 0...4.
    public init(seed: UInt64, counter: UInt64, lane: Int) throws {
        guard (0...4).contains(lane) else {
            throw KernelError("Philox state: lane \(lane) is not in 0...4; the saved RNG state is corrupt")
        }
        self.seed = seed
        self.counter = counter
        self.lane = lane
        // The current block is the one before `counter` (already consumed up to `lane`).
        block = lane < 4 && counter > 0 ? Philox.block(key: seed, counter: counter - 1) : SIMD4()
    }

    /// The state as 24 little-endian bytes: seed, counter, lane.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        for v in [seed, counter, UInt64(lane)] { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        return out
    }

    /// Restores a state saved by `bytes`.
    public init(bytes: [UInt8]) throws {
        guard bytes.count == 24 else {
            throw KernelError("Philox state: expected 24 bytes, got \(bytes.count); the saved RNG state is corrupt")
        }
        func word(_ i: Int) -> UInt64 {
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(bytes[i * 8 + k]) << (8 * k) }
            return v
        }
        try self.init(seed: word(0), counter: word(1), lane: Int(clamping: word(2)))
    }

    /// Philox4x32-10 of (counter, 0) under key `key`: four independent 32-bit words.
    @inlinable
    public static func block(key: UInt64, counter: UInt64) -> SIMD4<UInt32> {
        var c0 = UInt32(truncatingIfNeeded: counter), c1 = UInt32(truncatingIfNeeded: counter >> 32)
        var c2: UInt32 = 0, c3: UInt32 = 0
        var k0 = UInt32(truncatingIfNeeded: key), k1 = UInt32(truncatingIfNeeded: key >> 32)
        for round in 0..<10 {
            let p0 = UInt64(0xD251_1F53) * UInt64(c0)
            let p1 = UInt64(0xCD9E_8D57) * UInt64(c2)
            let n0 = UInt32(truncatingIfNeeded: p1 >> 32) ^ c1 ^ k0
            let n2 = UInt32(truncatingIfNeeded: p0 >> 32) ^ c3 ^ k1
            c1 = UInt32(truncatingIfNeeded: p1)
            c3 = UInt32(truncatingIfNeeded: p0)
            c0 = n0
            c2 = n2
            if round < 9 { k0 &+= 0x9E37_79B9; k1 &+= 0xBB67_AE85 }
        }
        return SIMD4(c0, c1, c2, c3)
    }

    public mutating func nextUInt32() -> UInt32 {
        if lane == 4 {
            block = Philox.block(key: seed, counter: counter)
            counter &+= 1
            lane = 0
        }
        defer { lane += 1 }
        return block[lane]
    }

    public mutating func nextUInt64() -> UInt64 {
        UInt64(nextUInt32()) << 32 | UInt64(nextUInt32())
    }

    /// Uniform in [0, 1) with 24 random bits.
    public mutating func nextFloat() -> Float {
        Float(nextUInt32() >> 8) * 0x1p-24
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func nextDouble() -> Double {
        Double(nextUInt64() >> 11) * 0x1p-53
    }

    /// Standard normal (Box-Muller on two doubles).
    public mutating func nextNormal() -> Float {
        let u1 = 1 - nextDouble()  // (0, 1]
        let u2 = nextDouble()
        return Float((-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2))
    }

    /// Uniform integer in `low..<high` (unbiased, by rejection). Throws on an empty range.
    public mutating func nextInt(_ low: Int, _ high: Int) throws -> Int {
        guard high > low else { throw KernelError("randint: empty range [\(low), \(high)); high must exceed low") }
        let span = UInt64(bitPattern: Int64(high &- low))
        let limit = UInt64.max - UInt64.max % span
        var r = nextUInt64()
        while r >= limit { r = nextUInt64() }
        return low &+ Int(bitPattern: UInt(r % span))
    }

    /// Fills `count` floats with U(low, high).
    public mutating func fillUniform(_ p: UnsafeMutablePointer<Float>, count: Int, low: Float, high: Float) {
        for i in 0..<count { p[i] = low + (high - low) * nextFloat() }
    }

    /// Fills `count` floats with N(mean, std²).
    public mutating func fillNormal(_ p: UnsafeMutablePointer<Float>, count: Int, mean: Float = 0, std: Float = 1) {
        for i in 0..<count { p[i] = mean + std * nextNormal() }
    }
}
