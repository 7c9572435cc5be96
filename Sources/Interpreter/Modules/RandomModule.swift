import BigInt
import Engine
import Foundation

/// CPython's `random.Random`: a Mersenne Twister seeded as `random.seed` seeds it, and the
/// module's algorithms on top (`_randbelow` by rejection on `getrandbits`, `shuffle`, `sample`'s
/// pool and set strategies, `choices` by bisection, `gauss`' cached pair), so that a script's
/// `random.seed(42); random.shuffle(xs)` gives CPython's order.
struct RandomState {
    private var twister: MersenneTwister
    var gaussNext: Double?

    /// `seed(n)` for an int: |n| as little-endian 32-bit words.
    init(seed: BigInt) {
        var words: [UInt32] = []
        for word in seed.magnitude.words {
            words.append(UInt32(truncatingIfNeeded: word))
            words.append(UInt32(truncatingIfNeeded: word >> 32))
        }
        while words.count > 1 && words.last == 0 { words.removeLast() }
        twister = MersenneTwister(key: words)
    }

    /// `random()`: 53 random bits from two draws, in [0, 1).
    mutating func random() -> Double {
        let a = Double(twister.next() >> 5), b = Double(twister.next() >> 6)
        return (a * 67_108_864 + b) * (1 / 9_007_199_254_740_992)
    }

    /// k ≤ 32 bits from one draw (its top bits), as CPython's getrandbits.
    private mutating func word(_ k: Int) -> Int {
        k == 0 ? 0 : Int(twister.next() >> (32 - UInt32(k)))
    }

    /// `getrandbits(k)`: k bits, the first draw the least significant word.
    mutating func bits(_ k: Int) -> BigInt {
        if k <= 32 { return BigInt(word(k)) }
        var result = BigUInt(0), remaining = k, shift = 0
        while remaining > 0 {
            var word = twister.next()
            if remaining < 32 { word >>= 32 - UInt32(remaining) }
            result |= BigUInt(word) << shift
            shift += 32; remaining -= 32
        }
        return BigInt(result)
    }

    /// `_randbelow(n)` for n > 0: getrandbits(n.bit_length()) until below n.
    mutating func below(_ n: Int) -> Int {
        let k = Int.bitWidth - n.leadingZeroBitCount
        // Small bounds (every list index in practice) skip the BigInt.
        func draw() -> Int { k <= 32 ? word(k) : Int(bits(k)) }
        var r = draw()
        while r >= n { r = draw() }
        return r
    }

    /// `gauss(mu, sigma)`: Box–Muller, the second value kept for the next call.
    mutating func gauss(_ mu: Double, _ sigma: Double) -> Double {
        if let z = gaussNext {
            gaussNext = nil
            return mu + z * sigma
        }
        let x2pi = random() * 2 * Double.pi
        let g2rad = (-2.0 * log(1.0 - random())).squareRoot()
        gaussNext = sin(x2pi) * g2rad
        return mu + cos(x2pi) * g2rad * sigma
    }

    /// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio method.
    mutating func normalVariate(_ mu: Double, _ sigma: Double) -> Double {
        let magic = 4 * exp(-0.5) / 2.0.squareRoot()
        while true {
            let u1 = random(), u2 = 1.0 - random()
            let z = magic * (u1 - 0.5) / u2
            if z * z / 4.0 <= -log(u2) { return mu + z * sigma }
        }
    }
}

final class PyRandom: NativeObject {
    var state: RandomState

    init(seed: BigInt, cls: PyClass = PyRandom.pyClass) {
        state = RandomState(seed: seed)
        super.init(cls: cls)
    }

    /// The int `random.seed(a)` seeds with: an int itself, a float's hash, None the clock
    /// (CPython reads os.urandom). str/bytes seeds go through SHA-512 in CPython, which sftnb
    /// does not have.
    static func seedValue(_ rt: Interpreter, _ v: Value) throws -> BigInt {
        if let big = Arith.big(v) { return big }
        switch v {
        case .none: return BigInt(UInt64(Date().timeIntervalSince1970 * 1e6) ^ UInt64.random(in: 0...UInt64.max))
        case .float: return BigInt(try rt.hash(v))
        default:
            if case .object(let o) = v, o is PyStr { throw PyError.notImplemented("random.seed() with a str seed (use an int)") }
            throw PyError.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
        }
    }

    /// `x[i], x[j] = x[j], x[i]` on any mutable sequence.
    private static func swap(_ rt: Interpreter, _ x: Value, _ i: Int, _ j: Int) throws {
        if case .object(let o) = x, let l = o as? PyList { l.items.swapAt(i, j); return }
        let a = try rt.getItem(x, .int(i)), b = try rt.getItem(x, .int(j))
        try rt.setItem(x, .int(i), b)
        try rt.setItem(x, .int(j), a)
    }

    /// Python's `bisect.bisect_right(a, x, 0, hi)`.
    private static func bisectRight(_ a: [Double], _ x: Double, hi: Int) -> Int {
        var lo = 0, hi = hi
        while lo < hi {
            let mid = (lo + hi) / 2
            if x < a[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// `sample(population, k)` over indices 0..<n: CPython's pool or set strategy.
    private func sampleIndices(_ n: Int, _ k: Int) throws -> [Int] {
        guard k >= 0 && k <= n else { throw PyError.valueError("Sample larger than population or is negative") }
        var setsize = 21
        if k > 5 { setsize += Int(pow(4.0, ceil(log(Double(k * 3)) / log(4.0)))) }
        var result: [Int] = []
        if n <= setsize {
            var pool = Array(0..<n)
            for i in 0..<k {
                let j = state.below(n - i)
                result.append(pool[j])
                pool[j] = pool[n - i - 1]
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<k {
                var j = state.below(n)
                while selected.contains(j) { j = state.below(n) }
                selected.insert(j)
                result.append(j)
            }
        }
        return result
    }

    static let pyClass: PyClass = {
        let c = NativeClass<PyRandom>("Random", module: "random")
            .constructor("x=None") { rt, a in PyRandom(seed: try seedValue(rt, a[0])) }
            .method("seed", "a=None, version=2") { rt, this, a in
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
                let width = hi + 1 - lo
                if width <= 0 { throw PyError.valueError("empty range for randrange() (\(lo), \(hi + 1), \(width))") }
                return .int(lo + this.state.below(width))
            }
            .method("randrange", "start, stop=None, step=1") { rt, this, a in
                let start = try rt.toInt(a[0])
                if a[1].isNone {
                    if start > 0 { return .int(this.state.below(start)) }
                    throw PyError.valueError("empty range for randrange()")
                }
                let stop = try rt.toInt(a[1]), step = try rt.toInt(a[2])
                let width = stop - start
                if step == 1 {
                    if width > 0 { return .int(start + this.state.below(width)) }
                    throw PyError.valueError("empty range for randrange() (\(start), \(stop), \(width))")
                }
                if step == 0 { throw PyError.valueError("zero step for randrange()") }
                let n = step > 0 ? Arith.floorDiv(width + step - 1, step) : Arith.floorDiv(width + step + 1, step)
                if n <= 0 { throw PyError.valueError("empty range for randrange()") }
                return .int(start + step * this.state.below(n))
            }
            .method("choice", "seq") { rt, this, a in
                let n = try rt.length(a[0])
                if n == 0 { throw PyError.indexError("Cannot choose from an empty sequence") }
                return try rt.getItem(a[0], .int(this.state.below(n)))
            }
            .method("choices", "population, weights=None, *, cum_weights=None, k=1") { rt, this, a in
                let n = try rt.length(a[0])
                let k = try rt.toInt(a[3])
                var cum: [Double]
                if a[2].isNone {
                    if a[1].isNone {
                        return .object(PyList(try (0..<max(0, k)).map { _ in
                            try rt.getItem(a[0], .int(Int((this.state.random() * Double(n)).rounded(.down))))
                        }))
                    }
                    var total = 0.0
                    cum = try rt.iterate(a[1]).map { total += try rt.toDouble($0); return total }
                } else {
                    if !a[1].isNone { throw PyError.typeError("Cannot specify both weights and cumulative weights") }
                    cum = try rt.iterate(a[2]).map { try rt.toDouble($0) }
                }
                if cum.count != n { throw PyError.valueError("The number of weights does not match the population") }
                let total = cum.last ?? 0
                if total <= 0 { throw PyError.valueError("Total of weights must be greater than zero") }
                if !total.isFinite { throw PyError.valueError("Total of weights must be finite") }
                return .object(PyList(try (0..<max(0, k)).map { _ in
                    try rt.getItem(a[0], .int(bisectRight(cum, this.state.random() * total, hi: n - 1)))
                }))
            }
            .method("shuffle", "x") { rt, this, a in
                let n = try rt.length(a[0])
                for i in stride(from: n - 1, to: 0, by: -1) { try swap(rt, a[0], i, this.state.below(i + 1)) }
                return .none
            }
            .method("sample", "population, k, *, counts=None") { rt, this, a in
                if case .object(let o) = a[0], o is PySet || o is PyDict {
                    throw PyError.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
                }
                let n = try rt.length(a[0]), k = try rt.toInt(a[1])
                if a[2].isNone {
                    return .object(PyList(try this.sampleIndices(n, k).map { try rt.getItem(a[0], .int($0)) }))
                }
                var total = 0
                var cum = try rt.iterate(a[2]).map { total += try rt.toInt($0); return Double(total) }
                if cum.count != n { throw PyError.valueError("The number of counts does not match the population") }
                cum.removeLast()
                if total <= 0 { throw PyError.valueError("Total of counts must be greater than zero") }
                return .object(PyList(try this.sampleIndices(total, k).map {
                    try rt.getItem(a[0], .int(bisectRight(cum, Double($0), hi: cum.count)))
                }))
            }
            .method("gauss", "mu=0.0, sigma=1.0") { rt, this, a in
                .float(this.state.gauss(try rt.toDouble(a[0]), try rt.toDouble(a[1])))
            }
            .method("normalvariate", "mu=0.0, sigma=1.0") { rt, this, a in
                .float(this.state.normalVariate(try rt.toDouble(a[0]), try rt.toDouble(a[1])))
            }
            .method("expovariate", "lambd=1.0") { rt, this, a in
                .float(-log(1.0 - this.state.random()) / (try rt.toDouble(a[0])))
            }
            .method("triangular", "low=0.0, high=1.0, mode=None") { rt, this, a in
                var lo = try rt.toDouble(a[0]), hi = try rt.toDouble(a[1])
                var u = this.state.random()
                if !a[2].isNone && hi == lo { return .float(lo) }
                var c = a[2].isNone ? 0.5 : (try rt.toDouble(a[2]) - lo) / (hi - lo)
                if u > c { u = 1 - u; c = 1 - c; (lo, hi) = (hi, lo) }
                return .float(lo + (hi - lo) * (u * c).squareRoot())
            }
            .method("getrandbits", "k") { rt, this, a in
                let k = try rt.toInt(a[0])
                if k < 0 { throw PyError.valueError("number of bits must be non-negative") }
                return .bigint(this.state.bits(k))
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
        let shared = PyRandom(seed: try PyRandom.seedValue(rt, .none))
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
