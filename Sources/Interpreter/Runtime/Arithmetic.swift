import BigInt
import Foundation

/// Number arithmetic with Python's rules: ints never overflow (they grow into `BigInt`),
/// `//` and `%` round toward negative infinity, `/` always gives a float.
enum Arith {
    /// The value as a big int, for ints, big ints and bools.
    static func big(_ v: Value) -> BigInt? {
        switch v {
        case .int(let i): return BigInt(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let o): return (o as? PyBigInt)?.value
        default: return nil
        }
    }

    /// The value as a Double, for ints, big ints, bools and floats.
    static func double(_ v: Value) throws -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return d
        case .object(let o):
            if let b = o as? PyBigInt {
                let d = Double(b.value)
                if !d.isFinite { throw PyError.overflow("int too large to convert to float") }
                return d
            }
            return nil
        default: return nil
        }
    }

    static func isIntLike(_ v: Value) -> Bool {
        switch v {
        case .int, .bool: return true
        case .object(let o): return o is PyBigInt
        default: return false
        }
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func mod(_ a: Int, _ b: Int) -> Int {
        let r = a % b
        return (r != 0 && (r < 0) != (b < 0)) ? r + b : r
    }

    static func floatMod(_ a: Double, _ b: Double) -> Double {
        var r = fmod(a, b)
        if r != 0 {
            if (r < 0) != (b < 0) { r += b }
        } else {
            r = copysign(0, b)
        }
        return r
    }

    static func floatFloorDiv(_ a: Double, _ b: Double) -> Double {
        let m = fmod(a, b)
        var div = (a - m) / b
        if m != 0 && (b < 0) != (m < 0) { div -= 1 }
        if div == 0 { return copysign(0, a / b) }
        var floorDiv = floor(div)
        if div - floorDiv > 0.5 { floorDiv += 1 }
        return floorDiv
    }

    static func bigFloorDivMod(_ a: BigInt, _ b: BigInt) -> (BigInt, BigInt) {
        var (q, r) = a.quotientAndRemainder(dividingBy: b)
        if !r.isZero && (r.sign == .minus) != (b.sign == .minus) {
            q -= 1
            r += b
        }
        return (q, r)
    }

    /// `int ** int` for a non-negative exponent.
    static func intPow(_ base: Int, _ exp: Int) -> Value {
        var result = 1, b = base, e = exp
        while e > 0 {
            if e & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: b)
                if o { return .bigint(BigInt(base).power(exp)) }
                result = r
            }
            e >>= 1
            if e > 0 {
                let (sq, o) = b.multipliedReportingOverflow(by: b)
                if o { return .bigint(BigInt(base).power(exp)) }
                b = sq
            }
        }
        return .int(result)
    }

    /// Integer operations on values that are all int-like (fast path for `Int` first).
    static func intOp(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value {
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .bigint(BigInt(x) + BigInt(y)) : .int(r)
        case .subtract:
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .bigint(BigInt(x) - BigInt(y)) : .int(r)
        case .multiply:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .bigint(BigInt(x) * BigInt(y)) : .int(r)
        case .divide:
            if y == 0 { throw PyError.zeroDivision("division by zero") }
            if abs(x) < (1 << 53) && abs(y) < (1 << 53) { return .float(Double(x) / Double(y)) }
            return try bigTrueDivide(BigInt(x), BigInt(y))
        case .floorDivide:
            if y == 0 { throw PyError.zeroDivision("integer division or modulo by zero") }
            if x == Int.min && y == -1 { return .bigint(-BigInt(x)) }
            return .int(floorDiv(x, y))
        case .modulo:
            if y == 0 { throw PyError.zeroDivision("integer modulo by zero") }
            if y == -1 { return .int(0) }
            return .int(mod(x, y))
        case .power:
            if y < 0 {
                if x == 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(pow(Double(x), Double(y)))
            }
            return intPow(x, y)
        case .leftShift:
            if y < 0 { throw PyError.valueError("negative shift count") }
            if y < 63 && x.leadingZeroBitCount > y + 1 && x >= 0 { return .int(x << y) }
            return .bigint(BigInt(x) << y)
        case .rightShift:
            if y < 0 { throw PyError.valueError("negative shift count") }
            return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case .bitAnd: return .int(x & y)
        case .bitOr: return .int(x | y)
        case .bitXor: return .int(x ^ y)
        case .matrixMultiply:
            throw PyError.typeError("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    static func bigTrueDivide(_ a: BigInt, _ b: BigInt) throws -> Value {
        if b.isZero { throw PyError.zeroDivision("division by zero") }
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        let d = Double(q) + Double(r) / Double(b)
        if !d.isFinite { throw PyError.overflow("integer division result too large for a float") }
        return .float(d)
    }

    static func bigOp(_ op: BinaryOperator, _ x: BigInt, _ y: BigInt) throws -> Value {
        switch op {
        case .add: return .bigint(x + y)
        case .subtract: return .bigint(x - y)
        case .multiply: return .bigint(x * y)
        case .divide: return try bigTrueDivide(x, y)
        case .floorDivide:
            if y.isZero { throw PyError.zeroDivision("integer division or modulo by zero") }
            return .bigint(bigFloorDivMod(x, y).0)
        case .modulo:
            if y.isZero { throw PyError.zeroDivision("integer modulo by zero") }
            return .bigint(bigFloorDivMod(x, y).1)
        case .power:
            if y.sign == .minus {
                return .float(pow(Double(x), Double(y)))
            }
            guard let e = Int(exactly: y), e < 1 << 24 else { throw PyError.overflow("exponent too large") }
            return .bigint(x.power(e))
        case .leftShift:
            guard let s = Int(exactly: y), s >= 0 else { throw PyError.valueError("negative shift count") }
            return .bigint(x << s)
        case .rightShift:
            guard let s = Int(exactly: y), s >= 0 else { throw PyError.valueError("negative shift count") }
            return .bigint(x >> s)
        case .bitAnd: return .bigint(x & y)
        case .bitOr: return .bigint(x | y)
        case .bitXor: return .bigint(x ^ y)
        case .matrixMultiply:
            throw PyError.typeError("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    static func floatOp(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Value? {
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide:
            if y == 0 { throw PyError.zeroDivision("float division by zero") }
            return .float(x / y)
        case .floorDivide:
            if y == 0 { throw PyError.zeroDivision("float floor division by zero") }
            return .float(floatFloorDiv(x, y))
        case .modulo:
            if y == 0 { throw PyError.zeroDivision("float modulo") }
            return .float(floatMod(x, y))
        case .power:
            if x == 0 && y < 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
            if x < 0 && y != y.rounded() {
                throw PyError.notImplemented("complex numbers (a negative number raised to a fractional power)")
            }
            let r = pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PyError.overflow("(34, 'Numerical result out of range')") }
            return .float(r)
        default: return nil
        }
    }
}
