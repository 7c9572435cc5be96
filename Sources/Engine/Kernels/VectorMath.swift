/// Vectorised transcendental functions and partial-vector loads for the elementwise kernels.
///
/// Foundation's `exp`/`erf`/`tanh` are scalar calls (~10-20 ns each), which would make GELU and
/// softmax slower than the matrix products around them. These SIMD8 versions are accurate to a
/// few ulp (tests hold them to Double references) and map to packed instructions.
public enum VectorMath {
    public typealias V = SIMD8<Float>
    public static let width = 8

    /// e^x, relative error ≲ 2 ulp; exactly 0 below -87.3 (where Float would be denormal) and
    /// clamped to e^88.7 above.
    @inlinable @inline(__always)
    public static func exp(_ x: V) -> V {
        let lo: Float = -87.33654, hi: Float = 88.72283
        let xc = x.clamped(lowerBound: V(repeating: lo), upperBound: V(repeating: hi))
        let n = (xc * 1.44269504088896341).rounded(.toNearestOrEven)
        var r = xc - n * 0.693359375
        r = r - n * -2.12194440e-4
        var p = V(repeating: 1.9875691500e-4)
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        let y = p * (r * r) + r + 1
        // 2^n built from the exponent bits; n ∈ [-126, 128] after clamping, so split it in two
        // halves to stay in range for n = 128.
        let ni = SIMD8<Int32>(n, rounding: .toNearestOrEven)
        let half = ni &>> 1
        let s1 = unsafeBitCast((half &+ 127) &<< 23, to: V.self)
        let s2 = unsafeBitCast((ni &- half &+ 127) &<< 23, to: V.self)
        return (y * s1 * s2).replacing(with: 0, where: x .< lo)
    }

    /// erfc(x) with relative error < 5e-6 for |x| ≤ 6 (< 1e-6 for |x| < 2.5) (Numerical Recipes' Chebyshev fit `erfcc`;
    /// float rounding of the exponent dominates), so GELU keeps its relative precision in the
    /// far negative tail, where torch's 0.5x(1 + erf) cancels.
    @inlinable @inline(__always)
    public static func erfc(_ x: V) -> V {
        let z = x.replacing(with: -x, where: x .< 0)
        let t = 1 / (1 + 0.5 * z)
        var p = V(repeating: 0.17087277)
        p = p * t + -0.82215223
        p = p * t + 1.48851587
        p = p * t + -1.13520398
        p = p * t + 0.27886807
        p = p * t + -0.18628806
        p = p * t + 0.09678418
        p = p * t + 0.37409196
        p = p * t + 1.00002368
        p = p * t + -1.26551223
        let r = t * exp(p - z * z)
        return r.replacing(with: 2 - r, where: x .< 0)
    }

    /// tanh(x) = 1 - 2 / (1 + e^{2x}); saturates cleanly to ±1.
    @inlinable @inline(__always)
    public static func tanh(_ x: V) -> V {
        1 - 2 / (1 + exp(x + x))
    }

    /// Logistic sigmoid 1 / (1 + e^{-x}).
    @inlinable @inline(__always)
    public static func sigmoid(_ x: V) -> V {
        1 / (1 + exp(-x))
    }

    /// Loads `count` (< 8) floats, zero-filling the rest; for loop tails.
    @inlinable @inline(__always)
    public static func loadPartial(_ p: UnsafePointer<Float>, _ count: Int) -> V {
        var v = V()
        for i in 0..<count { v[i] = p[i] }
        return v
    }

    /// Stores the first `count` (< 8) lanes.
    @inlinable @inline(__always)
    public static func storePartial(_ v: V, _ p: UnsafeMutablePointer<Float>, _ count: Int) {
        for i in 0..<count { p[i] = v[i] }
    }

    @inlinable @inline(__always)
    public static func load(_ p: UnsafePointer<Float>) -> V {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }

    @inlinable @inline(__always)
    public static func store(_ v: V, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    }

    /// Applies `f` to `count` elements of `x` writing `y`, 8 at a time, in parallel over fixed
    /// chunks. `f` gets (x-vector, y-vector-before) and returns the new y-vector, so it serves
    /// both "write" and "accumulate" kernels.
    @inlinable
    public static func map(
        count: Int, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
        _ f: (V, V) -> V
    ) {
        Parallel.forEachChunk(count / width + 1, minChunk: 4096) { _, range in
            let start = range.lowerBound * width
            let end = min(count, range.upperBound * width)
            var i = start
            while i + width <= end {
                store(f(load(x + i), load(y + i)), y + i)
                i += width
            }
            if i < end {
                storePartial(f(loadPartial(x + i, end - i), loadPartial(y + i, end - i)), y + i, end - i)
            }
        }
    }

    /// Like `map` with two inputs: `y = f(a, b, y)`.
    @inlinable
    public static func map2(
        count: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
        _ f: (V, V, V) -> V
    ) {
        Parallel.forEachChunk(count / width + 1, minChunk: 4096) { _, range in
            let start = range.lowerBound * width
            let end = min(count, range.upperBound * width)
            var i = start
            while i + width <= end {
                store(f(load(a + i), load(b + i), load(y + i)), y + i)
                i += width
            }
            if i < end {
                let n = end - i
                storePartial(f(loadPartial(a + i, n), loadPartial(b + i, n), loadPartial(y + i, n)), y + i, n)
            }
        }
    }

    /// Sum of `count` floats in a fixed order (8 lanes, then lanes summed).
    @inlinable
    public static func sum(_ x: UnsafePointer<Float>, _ count: Int) -> Float {
        var acc = V()
        var i = 0
        while i + width <= count { acc += load(x + i); i += width }
        var s = acc.sum()
        while i < count { s += x[i]; i += 1 }
        return s
    }

    /// Dot product in a fixed order (8 lanes, then lanes summed).
    @inlinable
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        var acc = V()
        var i = 0
        while i + width <= count { acc += load(a + i) * load(b + i); i += width }
        var s = acc.sum()
        while i < count { s += a[i] * b[i]; i += 1 }
        return s
    }
}
