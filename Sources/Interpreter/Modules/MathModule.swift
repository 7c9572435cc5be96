import BigInt
import Foundation

/// `math`: the C library's functions with CPython's domain errors.
enum MathModule: NativeModule {
    static let name = "math"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name)
        m.value("pi", .float(Double.pi))
        m.value("e", .float(M_E))
        m.value("tau", .float(2 * Double.pi))
        m.value("inf", .float(.infinity))
        m.value("nan", .float(.nan))
        func unary(_ n: String, _ domain: ((Double) -> Bool)? = nil, _ f: @escaping (Double) -> Double) {
            m.function(n, "x, /") { rt, a in
                let x = try rt.toDouble(a[0])
                if let d = domain, !d(x) { throw PyError.valueError("math domain error") }
                let r = f(x)
                if r.isInfinite && x.isFinite { throw PyError.overflow("math range error") }
                return .float(r)
            }
        }
        unary("sqrt", { $0 >= 0 || $0.isNaN }, sqrt)
        unary("exp", nil, exp)
        unary("exp2", nil, exp2)
        unary("expm1", nil, expm1)
        unary("log2", { $0 > 0 || $0.isNaN }, log2)
        unary("log10", { $0 > 0 || $0.isNaN }, log10)
        unary("log1p", { $0 > -1 || $0.isNaN }, log1p)
        unary("sin", { !$0.isInfinite }, sin)
        unary("cos", { !$0.isInfinite }, cos)
        unary("tan", { !$0.isInfinite }, tan)
        unary("asin", { abs($0) <= 1 || $0.isNaN }, asin)
        unary("acos", { abs($0) <= 1 || $0.isNaN }, acos)
        unary("atan", nil, atan)
        unary("sinh", nil, sinh)
        unary("cosh", nil, cosh)
        unary("tanh", nil, tanh)
        unary("asinh", nil, asinh)
        unary("acosh", { $0 >= 1 || $0.isNaN }, acosh)
        unary("atanh", { abs($0) < 1 || $0.isNaN }, atanh)
        unary("erf", nil, erf)
        unary("erfc", nil, erfc)
        unary("gamma", { !($0 <= 0 && $0 == $0.rounded()) }, tgamma)
        unary("lgamma", { !($0 <= 0 && $0 == $0.rounded()) }, lgamma)
        unary("fabs", nil, fabs)
        unary("degrees", nil) { $0 * 180 / Double.pi }
        unary("radians", nil) { $0 * Double.pi / 180 }
        m.function("log", "x, base=None, /") { rt, a in
            let x: Double
            if let b = Arith.big(a[0]), b.bitWidth > 1000 {
                // log of a huge int: use its digit count.
                let digits = b.description.count
                x = Double("0." + b.description.prefix(17)) ?? 1
                let ln = log(x) + Double(digits) * log(10.0)
                if a[1].isNone { return .float(ln) }
                return .float(ln / log(try rt.toDouble(a[1])))
            }
            x = try rt.toDouble(a[0])
            if x <= 0 { throw PyError.valueError("math domain error") }
            if a[1].isNone { return .float(log(x)) }
            let base = try rt.toDouble(a[1])
            if base <= 0 || base == 1 { throw PyError.valueError(base == 1 ? "float division by zero" : "math domain error") }
            return .float(log(x) / log(base))
        }
        m.function("pow", "x, y, /") { rt, a in
            let x = try rt.toDouble(a[0]), y = try rt.toDouble(a[1])
            if x == 0 && y < 0 { throw PyError.valueError("math domain error") }
            if x < 0 && y != y.rounded() && y.isFinite { throw PyError.valueError("math domain error") }
            let r = pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PyError.overflow("math range error") }
            return .float(r)
        }
        m.function("atan2", "y, x, /") { rt, a in .float(atan2(try rt.toDouble(a[0]), try rt.toDouble(a[1]))) }
        m.function("hypot", "*coordinates") { rt, a in
            let xs = try rt.iterate(a[0]).map { try rt.toDouble($0) }
            return .float(sqrt(xs.reduce(0) { $0 + $1 * $1 }))
        }
        m.function("copysign", "x, y, /") { rt, a in .float(copysign(try rt.toDouble(a[0]), try rt.toDouble(a[1]))) }
        m.function("fmod", "x, y, /") { rt, a in
            let y = try rt.toDouble(a[1])
            if y == 0 { throw PyError.valueError("math domain error") }
            return .float(fmod(try rt.toDouble(a[0]), y))
        }
        m.function("remainder", "x, y, /") { rt, a in .float(remainder(try rt.toDouble(a[0]), try rt.toDouble(a[1]))) }
        func toIntegral(_ n: String, _ rule: FloatingPointRoundingRule) {
            m.function(n, "x, /") { rt, a in
                if Arith.isIntLike(a[0]) { return .bigint(Arith.big(a[0]) ?? 0) }
                if case .object(let o) = a[0], let mm = o.cls.lookupUser("__\(n)__") { return try rt.call(mm, [a[0]]) }
                let d = try rt.toDouble(a[0])
                if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
                if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
                let r = d.rounded(rule)
                if let i = Int(exactly: r) { return .int(i) }
                return .bigint(BigInt(r))
            }
        }
        toIntegral("floor", .down)
        toIntegral("ceil", .up)
        toIntegral("trunc", .towardZero)
        m.function("isnan", "x, /") { rt, a in .bool(try rt.toDouble(a[0]).isNaN) }
        m.function("isinf", "x, /") { rt, a in .bool(try rt.toDouble(a[0]).isInfinite) }
        m.function("isfinite", "x, /") { rt, a in .bool(try rt.toDouble(a[0]).isFinite) }
        m.function("isclose", "a, b, *, rel_tol=1e-09, abs_tol=0.0") { rt, a in
            let x = try rt.toDouble(a[0]), y = try rt.toDouble(a[1])
            let rel = try rt.toDouble(a[2]), absTol = try rt.toDouble(a[3])
            if x == y { return .bool(true) }
            if x.isInfinite || y.isInfinite { return .bool(false) }
            let diff = abs(x - y)
            return .bool(diff <= abs(rel * y) || diff <= abs(rel * x) || diff <= absTol)
        }
        m.function("factorial", "n, /") { rt, a in
            guard Arith.isIntLike(a[0]) else { throw PyError.typeError("'\(typeName(a[0]))' object cannot be interpreted as an integer") }
            let n = try rt.toInt(a[0])
            if n < 0 { throw PyError.valueError("factorial() not defined for negative values") }
            var r = BigInt(1)
            if n > 1 { for i in 2...n { r *= BigInt(i) } }
            return .bigint(r)
        }
        m.function("gcd", "*integers") { rt, a in
            var g = BigInt(0)
            for v in try rt.iterate(a[0]) {
                guard let b = Arith.big(v) else { throw PyError.typeError("'\(typeName(v))' object cannot be interpreted as an integer") }
                g = g.greatestCommonDivisor(with: b)
            }
            return .bigint(g)
        }
        m.function("lcm", "*integers") { rt, a in
            var l = BigInt(1)
            for v in try rt.iterate(a[0]) {
                guard let b = Arith.big(v) else { throw PyError.typeError("'\(typeName(v))' object cannot be interpreted as an integer") }
                if b.isZero { return .int(0) }
                l = BigInt((l * b).magnitude) / l.greatestCommonDivisor(with: b)
            }
            return .bigint(l)
        }
        m.function("isqrt", "n, /") { rt, a in
            guard let n = Arith.big(a[0]) else { throw PyError.typeError("'\(typeName(a[0]))' object cannot be interpreted as an integer") }
            if n.sign == .minus { throw PyError.valueError("isqrt() argument must be nonnegative") }
            return .bigint(n.squareRoot())
        }
        m.function("comb", "n, k, /") { rt, a in
            let n = try rt.toInt(a[0]), k = try rt.toInt(a[1])
            if n < 0 || k < 0 { throw PyError.valueError("n must be a non-negative integer") }
            if k > n { return .int(0) }
            var r = BigInt(1)
            let kk = min(k, n - k)
            if kk > 0 { for i in 0..<kk { r = r * BigInt(n - i) / BigInt(i + 1) } }
            return .bigint(r)
        }
        m.function("perm", "n, k=None, /") { rt, a in
            let n = try rt.toInt(a[0]), k = a[1].isNone ? n : try rt.toInt(a[1])
            if k > n { return .int(0) }
            var r = BigInt(1)
            if k > 0 { for i in 0..<k { r *= BigInt(n - i) } }
            return .bigint(r)
        }
        m.function("prod", "iterable, /, *, start=1") { rt, a in
            var acc = a[1]
            for x in try rt.iterate(a[0]) { acc = try rt.binary(.multiply, acc, x) }
            return acc
        }
        m.function("fsum", "seq, /") { rt, a in
            // Neumaier summation: exact enough for the tutorials' uses.
            var sum = 0.0, c = 0.0
            for v in try rt.iterate(a[0]) {
                let x = try rt.toDouble(v)
                let t = sum + x
                if abs(sum) >= abs(x) { c += (sum - t) + x } else { c += (x - t) + sum }
                sum = t
            }
            return .float(sum + c)
        }
        m.function("dist", "p, q, /") { rt, a in
            let p = try rt.iterate(a[0]).map { try rt.toDouble($0) }, q = try rt.iterate(a[1]).map { try rt.toDouble($0) }
            guard p.count == q.count else { throw PyError.valueError("both points must have the same number of dimensions") }
            return .float(sqrt(zip(p, q).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }))
        }
        m.function("modf", "x, /") { rt, a in
            let x = try rt.toDouble(a[0])
            let i = x.rounded(.towardZero)
            return .object(PyTuple([.float(x - i), .float(i)]))
        }
        m.function("frexp", "x, /") { rt, a in
            let x = try rt.toDouble(a[0])
            let r = frexp(x)
            return .object(PyTuple([.float(r.0), .int(r.1)]))
        }
        m.function("ldexp", "x, i, /") { rt, a in .float(ldexp(try rt.toDouble(a[0]), try rt.toInt(a[1]))) }
        return m.module
    }
}
