import BigInt
import Foundation

/// CPython's deterministic hashes: numbers reduced modulo the Mersenne prime 2⁶¹ − 1 (so
/// `hash(2.0) == hash(2)` and `hash(3.5)` is CPython's 1152921504606846979) and tuples by its
/// xxHash-style combination. They are visible to scripts (`hash(x)`, `random.seed(3.5)`,
/// the order of a set of numbers), so they match CPython's 64-bit build exactly. A hash of
/// -1 becomes -2, as in CPython, where -1 means an error.
enum PythonHash {
    static let modulus = (1 << 61) - 1
    private static let bits = 61

    static func int(_ i: Int) -> Int {
        let reduced = i.magnitude % UInt(modulus)
        let h = i < 0 ? -Int(reduced) : Int(reduced)
        return h == -1 ? -2 : h
    }

    static func big(_ b: BigInt) -> Int {
        let reduced = Int(b.magnitude % BigUInt(modulus))
        let h = b.sign == .minus ? -reduced : reduced
        return h == -1 ? -2 : h
    }

    /// `_Py_HashDouble`: the exact rational value of `d` modulo 2⁶¹ − 1. A NaN hashes by
    /// identity in CPython; sftnb floats have none, so NaN hashes to 0 (as before 3.10).
    static func double(_ d: Double) -> Int {
        if d.isInfinite { return d > 0 ? 314_159 : -314_159 }
        if d.isNaN { return 0 }
        var (m, e) = frexp(Swift.abs(d))
        let sign = d < 0 ? -1 : 1
        var x: UInt = 0
        let p = UInt(modulus)
        while m != 0 {
            x = ((x << 28) & p) | x >> UInt(bits - 28)
            m *= 268_435_456.0
            e -= 28
            let y = UInt(m)
            m -= Double(y)
            x += y
            if x >= p { x -= p }
        }
        let shift = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits)
        x = ((x << UInt(shift)) & p) | x >> UInt(bits - shift)
        let h = Int(x) * sign
        return h == -1 ? -2 : h
    }

    /// `tuplehash` (xxHash's 64-bit primes and rotation) over the items' hashes.
    static func tuple(_ hashes: [Int]) -> Int {
        let prime1: UInt = 11_400_714_785_074_694_791, prime2: UInt = 14_029_467_366_897_019_727
        let prime5: UInt = 2_870_177_450_012_600_261
        var acc = prime5
        for h in hashes {
            acc = acc &+ UInt(bitPattern: h) &* prime2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* prime1
        }
        acc = acc &+ (UInt(hashes.count) ^ (prime5 ^ 3_527_539))
        if acc == UInt.max { return 1_546_275_796 }
        return Int(bitPattern: acc)
    }
}
