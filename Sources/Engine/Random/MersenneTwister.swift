/// The 32-bit Mersenne Twister (MT19937, Matsumoto & Nishimura), the generator behind both
/// PyTorch's CPU `torch.Generator` and CPython's `random` module. Both streams are part of what
/// a script prints (sample orders, `random.shuffle`), so sftnb reproduces them bit for bit;
/// they differ only in seeding: torch seeds with one 32-bit word (`init_genrand`), CPython
/// with an array of words from the seed's absolute value (`init_by_array`).
public struct MersenneTwister: Sendable {
    static let stateSize = 624
    static let shift = 397

    private var state: [UInt32]
    /// Next unused word of `state`; `stateSize` means the state must be twisted first.
    private var index: Int

    /// `init_genrand(seed)`: the classic initialisation from one word.
    public init(seed: UInt32) {
        var s = [UInt32](repeating: 0, count: Self.stateSize)
        s[0] = seed
        for j in 1..<Self.stateSize {
            let previous = s[j - 1]
            s[j] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(j)
        }
        state = s
        index = Self.stateSize
    }

    /// `init_by_array(key)`: the initialisation from an array of words (CPython's
    /// `random.seed(n)` passes |n| as little-endian 32-bit words, at least one).
    public init(key: [UInt32]) {
        self.init(seed: 19_650_218)
        let n = Self.stateSize
        let key = key.isEmpty ? [0] : key
        var i = 1, j = 0
        for _ in 0..<max(n, key.count) {
            let previous = state[i - 1]
            state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1; j += 1
            if i >= n { state[0] = state[n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(n - 1) {
            let previous = state[i - 1]
            state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= n { state[0] = state[n - 1]; i = 1 }
        }
        state[0] = 0x8000_0000
    }

    /// The next 32-bit output (`genrand_uint32`).
    public mutating func next() -> UInt32 {
        if index >= Self.stateSize { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Regenerates the whole state block.
    private mutating func twist() {
        let n = Self.stateSize, m = Self.shift
        state.withUnsafeMutableBufferPointer { mt in
            for k in 0..<n {
                let y = (mt[k] & 0x8000_0000) | (mt[(k + 1) % n] & 0x7FFF_FFFF)
                mt[k] = mt[(k + m) % n] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
            }
        }
        index = 0
    }
}
