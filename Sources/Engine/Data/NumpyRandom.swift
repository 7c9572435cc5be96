/// NumPy's `np.random.default_rng(seed)` (SeedSequence → PCG64 → Generator), enough of it
/// to reproduce `Generator.permutation(n)` bit for bit. `datasets`' `shuffle(seed=s)` and
/// `train_test_split(seed=s)` are defined by that permutation, so a notebook that shuffles
/// with seed 42 sees the very same row order here as under CPython.
/// Checked against numpy 2.x by the fixtures of `tools/gen_data_fixtures.py`.
public struct NumpyGenerator {
    private var bits: PCG64

    /// `np.random.default_rng(seed)` for a non-negative integer seed.
    public init(seed: UInt64) { bits = PCG64(seedWords: SeedSequence(entropy: seed).generateState64(count: 4)) }

    /// `Generator.permutation(n)`: a Fisher–Yates shuffle of 0..<n from the last
    /// position down, drawing each swap partner with numpy's `random_interval`.
    public mutating func permutation(_ n: Int) -> [Int] {
        var a = Array(0..<n)
        if n < 2 { return a }
        a.withUnsafeMutableBufferPointer { p in
            for i in stride(from: n - 1, through: 1, by: -1) {
                let j = Int(interval(UInt64(i)))
                p.swapAt(i, j)
            }
        }
        return a
    }

    /// numpy's `random_interval(max)`: uniform in 0...max by masked rejection, using the
    /// buffered 32-bit draws when max fits in 32 bits.
    mutating func interval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        var mask = max
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4
        mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32
        if max <= 0xffff_ffff {
            while true {
                let v = UInt64(bits.next32()) & mask
                if v <= max { return v }
            }
        }
        while true {
            let v = bits.next64() & mask
            if v <= max { return v }
        }
    }

    /// Raw 64-bit outputs (`PCG64.random_raw()`), for tests.
    public mutating func nextRaw() -> UInt64 { bits.next64() }
}

/// numpy's `SeedSequence` with the default pool of four 32-bit words, no spawn key.
struct SeedSequence {
    private static let initA: UInt32 = 0x43b0_d7e5, multA: UInt32 = 0x931e_8875
    private static let initB: UInt32 = 0x8b51_f9dd, multB: UInt32 = 0x58f3_8ded
    private static let mixL: UInt32 = 0xca01_f9dd, mixR: UInt32 = 0x4973_f715
    private var pool = [UInt32](repeating: 0, count: 4)

    init(entropy: UInt64) {
        // The integer as little-endian 32-bit words; zero is one word [0].
        var words: [UInt32] = [UInt32(truncatingIfNeeded: entropy)]
        if entropy >> 32 != 0 { words.append(UInt32(truncatingIfNeeded: entropy >> 32)) }
        var hashConst = Self.initA
        func hashmix(_ value: UInt32) -> UInt32 {
            var v = value ^ hashConst
            hashConst = hashConst &* Self.multA
            v = v &* hashConst
            return v ^ (v >> 16)
        }
        func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
            let r = Self.mixL &* x &- Self.mixR &* y
            return r ^ (r >> 16)
        }
        for i in 0..<4 { pool[i] = hashmix(i < words.count ? words[i] : 0) }
        for src in 0..<4 { for dst in 0..<4 where src != dst { pool[dst] = mix(pool[dst], hashmix(pool[src])) } }
        // Entropy longer than the pool (never for a UInt64 seed) would be mixed in here.
    }

    func generateState64(count: Int) -> [UInt64] {
        var hashConst = Self.initB
        var words: [UInt32] = []
        for i in 0..<(2 * count) {
            var v = pool[i % 4] ^ hashConst
            hashConst = hashConst &* Self.multB
            v = v &* hashConst
            words.append(v ^ (v >> 16))
        }
        return (0..<count).map { UInt64(words[2 * $0]) | UInt64(words[2 * $0 + 1]) << 32 }
    }
}

/// numpy's PCG64: a 128-bit LCG with the XSL-RR output, plus the one-word buffer numpy
/// keeps so that two 32-bit draws share one 64-bit output (low half first).
struct PCG64 {
    private var stateHi: UInt64, stateLo: UInt64
    private let incHi: UInt64, incLo: UInt64
    private static let multHi: UInt64 = 2_549_297_995_355_413_924, multLo: UInt64 = 4_865_540_595_714_422_341
    private var buffered: UInt32? = nil

    /// `words` = SeedSequence.generate_state(4, uint64): seed = w0:w1, stream = w2:w3.
    init(seedWords w: [UInt64]) {
        // inc = (initseq << 1) | 1 over 128 bits.
        incHi = (w[2] << 1) | (w[3] >> 63)
        incLo = (w[3] << 1) | 1
        stateHi = 0; stateLo = 0
        step()
        let (lo, carry) = stateLo.addingReportingOverflow(w[1])
        stateLo = lo
        stateHi = stateHi &+ w[0] &+ (carry ? 1 : 0)
        step()
    }

    private mutating func step() {
        // state = state * mult + inc (mod 2^128)
        let (h, l) = stateLo.multipliedFullWidth(by: Self.multLo)
        var hi = h &+ stateLo &* Self.multHi &+ stateHi &* Self.multLo
        let (lo, carry) = l.addingReportingOverflow(incLo)
        hi = hi &+ incHi &+ (carry ? 1 : 0)
        stateHi = hi; stateLo = lo
    }

    mutating func next64() -> UInt64 {
        step()
        let x = stateHi ^ stateLo
        let rot = stateHi >> 58
        return (x >> rot) | (x << ((64 &- rot) & 63))
    }

    mutating func next32() -> UInt32 {
        if let b = buffered { buffered = nil; return b }
        let n = next64()
        buffered = UInt32(truncatingIfNeeded: n >> 32)
        return UInt32(truncatingIfNeeded: n)
    }
}
