/// PyTorch's CPU random generator (`torch.Generator()`, CPUGeneratorImpl over a 32-bit
/// Mersenne Twister), reproduced bit for bit so that sftnb can draw exactly the numbers a
/// script's PyTorch would: HF Trainer shuffles its training set with
/// `torch.randperm(n, generator=torch.Generator().manual_seed(seed + epoch))`, and the
/// per-step losses of a script only match CPython + TRL when the sample order does.
///
///   var g = TorchGenerator(seed: 42)     // torch.Generator().manual_seed(42)
///   let order = g.randperm(100)          // torch.randperm(100, generator=g).tolist()
///
/// Seeding follows `manual_seed`: a negative seed is taken modulo 2⁶⁴, and the Mersenne
/// Twister keeps the low 32 bits (seeds 5 and 2³² + 5 give the same stream).
/// The engine's own randomness (dropout, initialisation) uses `Philox`; this type exists for
/// the places where PyTorch's exact stream is part of what the user sees: the sample order and
/// the initial values of LoRA adapters (`uniform`).
public struct TorchGenerator: Sendable {
    /// The seed as `Generator.initial_seed()` reports it (a negative seed wrapped to 64 bits).
    public let initialSeed: UInt64
    private var twister: MersenneTwister

    /// `torch.Generator().manual_seed(seed)` for a seed as Python gives it.
    public init(seed: Int) {
        self.init(seed: UInt64(bitPattern: Int64(seed)))
    }

    /// `torch.Generator().manual_seed(seed)` with the seed already as PyTorch's uint64.
    public init(seed: UInt64) {
        initialSeed = seed
        // at::mt19937's init_with_uint32: the classic MT19937 initialisation of the low 32 bits.
        twister = MersenneTwister(seed: UInt32(truncatingIfNeeded: seed))
    }

    /// The next 32-bit output (CPUGeneratorImpl::random).
    public mutating func random() -> UInt32 { twister.next() }

    /// The next 64-bit output (CPUGeneratorImpl::random64): the first 32-bit draw is the high half.
    public mutating func random64() -> UInt64 {
        let high = UInt64(random())
        return high << 32 | UInt64(random())
    }

    /// `torch.empty(count).uniform_(from, to)` on a float32 CPU tensor (ATen's serial uniform
    /// kernel): one 32-bit draw per element, its low 24 bits scaled to [0, 1) and mapped to
    /// [from, to) in float.
    public mutating func uniform(_ count: Int, from: Float, to: Float) -> [Float] {
        (0..<count).map { _ in Float(random() & 0xFF_FFFF) * 0x1p-24 * (to - from) + from }
    }

    /// `torch.randperm(n, generator=self)` on CPU: a permutation of 0..<n (empty for n ≤ 0).
    /// Below 2³²/20 elements torch swaps each position with a later one chosen by
    /// `random() % (n - i)`; above, it runs the "inside-out" Fisher–Yates on `random64()`.
    public mutating func randperm(_ n: Int) -> [Int] {
        guard n > 0 else { return [] }
        if n < Int(UInt32.max / 20) {
            var r = Array(0..<n)
            r.withUnsafeMutableBufferPointer { p in
                for i in 0..<(n - 1) {
                    let z = Int(random()) % (n - i)
                    p.swapAt(i, z + i)
                }
            }
            return r
        }
        var r = [Int](repeating: 0, count: n)
        r.withUnsafeMutableBufferPointer { p in
            for i in 0..<n {
                let z = Int(random64() % UInt64(i + 1))
                p[i] = p[z]
                p[z] = i
            }
        }
        return r
    }
}
