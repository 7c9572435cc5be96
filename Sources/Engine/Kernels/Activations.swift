import Foundation

/// Elementwise activations as named by `transformers`' ACT2FN (the config's
/// `activation_function` / `hidden_act`). Forward writes `y = f(x)`; backward ACCUMULATES
/// `dx += dy * f'(x)` from the saved pre-activation `x`. `y` may alias `x` in forward.
public enum Activation: String, CaseIterable, Sendable {
    /// Exact GELU, 0.5 x (1 + erf(x / √2)) — ACT2FN "gelu".
    case gelu
    /// Tanh approximation, 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))) — "gelu_new",
    /// "gelu_pytorch_tanh", "gelu_fast" (the same function, differently rounded in torch).
    case geluTanh
    case relu
    /// x · sigmoid(x) — "silu", "swish".
    case silu

    /// The activation for a `transformers` ACT2FN name.
    public init(hfName: String) throws {
        switch hfName {
        case "gelu": self = .gelu
        case "gelu_new", "gelu_pytorch_tanh", "gelu_fast", "gelu_python_tanh": self = .geluTanh
        case "relu": self = .relu
        case "silu", "swish": self = .silu
        default:
            throw KernelError("activation function '\(hfName)' is not implemented; supported: gelu, gelu_new, gelu_pytorch_tanh, gelu_fast, relu, silu, swish")
        }
    }

    /// y (count) = f(x (count))
    public func forward(y: UnsafeMutablePointer<Float>, x: UnsafePointer<Float>, count: Int) {
        switch self {
        case .gelu: VectorMath.map(count: count, x, y) { x, _ in Activation.geluV(x) }
        case .geluTanh: VectorMath.map(count: count, x, y) { x, _ in Activation.geluTanhV(x) }
        case .relu: VectorMath.map(count: count, x, y) { x, _ in x.replacing(with: 0, where: x .< 0) }
        case .silu: VectorMath.map(count: count, x, y) { x, _ in x * VectorMath.sigmoid(x) }
        }
    }

    /// dx (count) += dy (count) * f'(x (count))
    public func backward(dx: UnsafeMutablePointer<Float>, dy: UnsafePointer<Float>, x: UnsafePointer<Float>, count: Int) {
        switch self {
        case .gelu: VectorMath.map2(count: count, x, dy, dx) { x, g, d in d + g * Activation.geluGradV(x) }
        case .geluTanh: VectorMath.map2(count: count, x, dy, dx) { x, g, d in d + g * Activation.geluTanhGradV(x) }
        case .relu: VectorMath.map2(count: count, x, dy, dx) { x, g, d in d + g.replacing(with: 0, where: x .<= 0) }
        case .silu: VectorMath.map2(count: count, x, dy, dx) { x, g, d in d + g * Activation.siluGradV(x) }
        }
    }

    /// Scalar reference in Double.
    public func reference(_ x: Double) -> Double {
        switch self {
        case .gelu: return 0.5 * x * (1 + Foundation.erf(x / 2.0.squareRoot()))
        case .geluTanh: return 0.5 * x * (1 + Foundation.tanh((2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x)))
        case .relu: return max(0, x)
        case .silu: return x / (1 + Foundation.exp(-x))
        }
    }

    /// Scalar reference derivative in Double.
    public func referenceGrad(_ x: Double) -> Double {
        switch self {
        case .gelu:
            return 0.5 * (1 + Foundation.erf(x / 2.0.squareRoot())) + x * Foundation.exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
        case .geluTanh:
            let k = (2 / Double.pi).squareRoot()
            let t = Foundation.tanh(k * (x + 0.044715 * x * x * x))
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * k * (1 + 3 * 0.044715 * x * x)
        case .relu: return x > 0 ? 1 : 0
        case .silu:
            let s = 1 / (1 + Foundation.exp(-x))
            return s * (1 + x * (1 - s))
        }
    }

    @inlinable @inline(__always)
    static func geluV(_ x: VectorMath.V) -> VectorMath.V {
        0.5 * x * VectorMath.erfc(x * -0.70710678118654752)
    }

    @inlinable @inline(__always)
    static func geluGradV(_ x: VectorMath.V) -> VectorMath.V {
        let pdf: VectorMath.V = VectorMath.exp(-0.5 * x * x) * 0.39894228040143268
        return 0.5 * VectorMath.erfc(x * -0.70710678118654752) + x * pdf
    }

    /// 0.5 x (1 + tanh u) = x · sigmoid(2u): written with sigmoid so both tails keep their
    /// relative precision (1 ± tanh u would cancel).
    @inlinable @inline(__always)
    static func geluTanhV(_ x: VectorMath.V) -> VectorMath.V {
        let x3: VectorMath.V = x * x * x
        let u2: VectorMath.V = 1.5957691216057307 * (x + 0.044715 * x3)
        return x * VectorMath.sigmoid(u2)
    }

    /// d/dx [x · s(2u)] = s + 2x · s(1 − s) · u′, with 1 − s = e·s, e = exp(−2u).
    @inlinable @inline(__always)
    static func geluTanhGradV(_ x: VectorMath.V) -> VectorMath.V {
        let x2: VectorMath.V = x * x
        let u2: VectorMath.V = 1.5957691216057307 * (x + 0.044715 * x2 * x)
        let e = VectorMath.exp(-u2)
        let s: VectorMath.V = 1 / (1 + e)
        let du: VectorMath.V = 0.79788456080286536 * (1 + 0.134145 * x2)
        let ds: VectorMath.V = 2 * x * s * (e * s)
        return s + ds * du
    }

    @inlinable @inline(__always)
    static func siluGradV(_ x: VectorMath.V) -> VectorMath.V {
        let s = VectorMath.sigmoid(x)
        return s * (1 + x * (1 - s))
    }
}

/// Llama's gated MLP activation: y = silu(gate) * up. Backward ACCUMULATES into `dGate`, `dUp`.
public enum SwiGLU {
    /// y (count) = silu(gate (count)) * up (count)
    public static func forward(y: UnsafeMutablePointer<Float>, gate: UnsafePointer<Float>, up: UnsafePointer<Float>, count: Int) {
        VectorMath.map2(count: count, gate, up, y) { g, u, _ in g * VectorMath.sigmoid(g) * u }
    }

    /// dGate += dy * up * silu'(gate);  dUp += dy * silu(gate)
    public static func backward(
        dGate: UnsafeMutablePointer<Float>, dUp: UnsafeMutablePointer<Float>,
        dy: UnsafePointer<Float>, gate: UnsafePointer<Float>, up: UnsafePointer<Float>, count: Int
    ) {
        typealias V = VectorMath.V
        let vw = VectorMath.width
        Parallel.forEachChunk(count / vw + 1, minChunk: 4096) { _, range in
            let start = range.lowerBound * vw, end = min(count, range.upperBound * vw)
            var i = start
            func step(_ g: V, _ u: V, _ d: V) -> (V, V) {
                let s = VectorMath.sigmoid(g)
                return (d * u * (s * (1 + g * (1 - s))), d * g * s)
            }
            while i + vw <= end {
                let (dg, du) = step(VectorMath.load(gate + i), VectorMath.load(up + i), VectorMath.load(dy + i))
                VectorMath.store(VectorMath.load(dGate + i) + dg, dGate + i)
                VectorMath.store(VectorMath.load(dUp + i) + du, dUp + i)
                i += vw
            }
            while i < end {
                let (dg, du) = step(V(repeating: gate[i]), V(repeating: up[i]), V(repeating: dy[i]))
                dGate[i] += dg[0]
                dUp[i] += du[0]
                i += 1
            }
        }
    }
}

/// Residual connections: out = a + b forward; backward is `accumulate(into: dA, dOut)` for
/// each branch.
public enum Residual {
    /// out (count) = a + b   (out may alias a or b)
    public static func add(out: UnsafeMutablePointer<Float>, a: UnsafePointer<Float>, b: UnsafePointer<Float>, count: Int) {
        VectorMath.map2(count: count, a, b, out) { a, b, _ in a + b }
    }

    /// dst (count) += src (count)
    public static func accumulate(into dst: UnsafeMutablePointer<Float>, _ src: UnsafePointer<Float>, count: Int) {
        VectorMath.map(count: count, src, dst) { s, d in d + s }
    }
}
