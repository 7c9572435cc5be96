import Foundation

/// A seedable generator (xoshiro256**): same API as Python's `random`, not the same
/// sequence (CPython's Mersenne Twister stream is not part of the contract).
struct RandomState {
    private var s: (UInt64, UInt64, UInt64, UInt64)
    var gaussNext: Double?

    init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitmix(), splitmix(), splitmix(), splitmix())
    }

    mutating func next() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = (s.3 << 45) | (s.3 >> 19)
        return result
    }

    /// Uniform in [0, 1) with 53 bits.
    mutating func random() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform integer in [0, n).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        var r = next()
        while r >= limit { r = next() }
        return Int(r % bound)
    }

    mutating func gauss(_ mu: Double, _ sigma: Double) -> Double {
        if let g = gaussNext {
            gaussNext = nil
            return mu + g * sigma
        }
        let x2pi = random() * 2 * Double.pi
        let g2rad = (-2.0 * log(1.0 - random())).squareRoot()
        gaussNext = sin(x2pi) * g2rad
        return mu + cos(x2pi) * g2rad * sigma
    }
}

/// `random.Random` instances; the module-level functions use a hidden shared instance.
final class PyRandom: NativeObject {
    var state: RandomState

    init(seed: UInt64, cls: PyClass = PyRandom.pyClass) {
        state = RandomState(seed: seed)
        super.init(cls: cls)
    }

    static func seedValue(_ rt: Interpreter, _ v: Value) throws -> UInt64 {
        switch v {
        case .none: return UInt64(Date().timeIntervalSince1970 * 1e6)
        case .int(let i): return UInt64(bitPattern: Int64(i))
        case .float(let d): return d.bitPattern
        default: return UInt64(bitPattern: Int64(try rt.hash(v)))
        }
    }

    static let pyClass: PyClass = {
        let c = NativeClass<PyRandom>("Random", module: "random")
            .constructor("x=None") { rt, a in PyRandom(seed: try seedValue(rt, a[0])) }
            .method("seed", "a=None") { rt, this, a in
                this.state = RandomState(seed: try seedValue(rt, a[0]))
                return .none
            }
            .method("random", "") { _, this, _ in .float(this.state.random()) }
            .method("uniform", "a, b") { rt, this, a in
                let lo = try rt.toDouble(a[0]), hi = try rt.toDouble(a[1])
                return .float(lo + (hi - lo) * this.state.random())
            }
            .method("randint", "a, b") { rt, this, a in
                let lo = try rt.toInt(a[0]), hi = try rt.toInt(a[1])
                if hi < lo { throw PyError.valueError("empty range for randrange() (\(lo), \(hi + 1), \(hi + 1 - lo))") }
                return .int(lo + this.state.below(hi - lo + 1))
            }
            .method("randrange", "start, stop=None, step=1") { rt, this, a in
                var start = try rt.toInt(a[0]), stop: Int
                if a[1].isNone { stop = start; start = 0 } else { stop = try rt.toInt(a[1]) }
                let step = try rt.toInt(a[2])
                if step == 0 { throw PyError.valueError("zero step for randrange()") }
                let n = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / (-step)
                if n <= 0 { throw PyError.valueError("empty range for randrange() (\(start), \(stop), \(stop - start))") }
                return .int(start + step * this.state.below(n))
            }
            .method("choice", "seq") { rt, this, a in
                let n = try rt.length(a[0])
                if n == 0 { throw PyError.indexError("Cannot choose from an empty sequence") }
                return try rt.getItem(a[0], .int(this.state.below(n)))
            }
            .method("choices", "population, weights=None, *, cum_weights=None, k=1") { rt, this, a in
                let pop = try rt.iterate(a[0])
                let k = try rt.toInt(a[3])
                if pop.isEmpty { throw PyError.indexError("Cannot choose from an empty population") }
                var cum: [Double]?
                if !a[2].isNone {
                    cum = try rt.iterate(a[2]).map { try rt.toDouble($0) }
                } else if !a[1].isNone {
                    var acc = 0.0
                    cum = try rt.iterate(a[1]).map { acc += try rt.toDouble($0); return acc }
                }
                if let c = cum, c.count != pop.count { throw PyError.valueError("The number of weights does not match the population") }
                var out: [Value] = []
                for _ in 0..<max(0, k) {
                    if let c = cum, let total = c.last {
                        let r = this.state.random() * total
                        let i = c.firstIndex { $0 > r } ?? (c.count - 1)
                        out.append(pop[i])
                    } else {
                        out.append(pop[this.state.below(pop.count)])
                    }
                }
                return .object(PyList(out))
            }
            .method("shuffle", "x") { _, this, a in
                guard case .object(let o) = a[0], let l = o as? PyList else { throw PyError.typeError("shuffle() needs a list") }
                if l.items.count > 1 {
                    for i in stride(from: l.items.count - 1, to: 0, by: -1) {
                        l.items.swapAt(i, this.state.below(i + 1))
                    }
                }
                return .none
            }
            .method("sample", "population, k, *, counts=None") { rt, this, a in
                var pool = try rt.iterate(a[0])
                let k = try rt.toInt(a[1])
                if k < 0 || k > pool.count { throw PyError.valueError("Sample larger than population or is negative") }
                var out: [Value] = []
                for _ in 0..<k {
                    let j = this.state.below(pool.count)
                    out.append(pool[j])
                    pool.swapAt(j, pool.count - 1)
                    pool.removeLast()
                }
                return .object(PyList(out))
            }
            .method("gauss", "mu=0.0, sigma=1.0") { rt, this, a in
                .float(this.state.gauss(try rt.toDouble(a[0]), try rt.toDouble(a[1])))
            }
            .method("normalvariate", "mu=0.0, sigma=1.0") { rt, this, a in
                .float(this.state.gauss(try rt.toDouble(a[0]), try rt.toDouble(a[1])))
            }
            .method("expovariate", "lambd=1.0") { rt, this, a in
                .float(-log(1.0 - this.state.random()) / (try rt.toDouble(a[0])))
            }
            .method("triangular", "low=0.0, high=1.0, mode=None") { rt, this, a in
                let lo = try rt.toDouble(a[0]), hi = try rt.toDouble(a[1])
                let mode = a[2].isNone ? (lo + hi) / 2 : try rt.toDouble(a[2])
                let u = this.state.random()
                let c = (mode - lo) / (hi - lo)
                if u > c { return .float(hi + (lo - hi) * ((1 - u) * (1 - c)).squareRoot()) }
                return .float(lo + (hi - lo) * (u * c).squareRoot())
            }
            .method("getrandbits", "k") { rt, this, a in
                let k = try rt.toInt(a[0])
                if k <= 63 { return .int(Int(this.state.next() >> (64 - UInt64(max(k, 1)))) & ((1 << k) - 1)) }
                throw PyError.notImplemented("getrandbits(k) for k > 63")
            }
            .method("getstate", "") { _, this, _ in .object(PyRandomState(this.state)) }
            .method("setstate", "state") { _, this, a in
                guard case .object(let o) = a[0], let s = o as? PyRandomState else { throw PyError.typeError("state must come from getstate()") }
                this.state = s.state
                return .none
            }
        return c.pyClass
    }()
}

final class PyRandomState: NativeObject {
    let state: RandomState
    static let pyClass = NativeClass<PyRandomState>("RandomState", module: "random").pyClass
    init(_ state: RandomState) {
        self.state = state
        super.init(cls: PyRandomState.pyClass)
    }
}

enum RandomModule: NativeModule {
    static let name = "random"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        let shared = PyRandom(seed: UInt64(Date().timeIntervalSince1970 * 1e6))
        m.add(PyRandom.pyClass)
        for name in ["seed", "random", "uniform", "randint", "randrange", "choice", "choices", "shuffle", "sample",
                     "gauss", "normalvariate", "expovariate", "triangular", "getrandbits", "getstate", "setstate"] {
            if case .object(let o)? = PyRandom.pyClass.dict[name], let b = o as? PyBuiltin {
                m.value(name, .object(b.bound(to: .object(shared))))
            }
        }
        return m.module
    }
}
