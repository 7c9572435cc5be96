/// Conversions between float32 and the 16-bit storage types, vectorised.
///
/// bf16 is the upper half of a float32, so widening is a shift; narrowing rounds to
/// nearest-even exactly as torch's `round_to_nearest_even` does (NaN becomes 0x7FC0), so
/// a checkpoint written by sftnb in bf16 is bit-identical to torch's `.to(torch.bfloat16)`.
/// f16 uses IEEE round-to-nearest-even by bit manipulation, equal to Swift's `Float16`
/// conversion but ~10x faster where the compile target lacks F16C. Sources may be unaligned (they come straight from a mapped file).
public enum FloatConversion {
    /// float32 → bf16 bits, round to nearest even.
    @inline(__always)
    public static func bf16Bits(_ value: Float) -> UInt16 {
        if value.isNaN { return 0x7FC0 }
        let bits = value.bitPattern
        let bias = ((bits >> 16) & 1) &+ 0x7FFF
        return UInt16(truncatingIfNeeded: (bits &+ bias) >> 16)
    }

    /// bf16 bits → float32 (exact).
    @inline(__always)
    public static func float(bf16 bits: UInt16) -> Float {
        Float(bitPattern: UInt32(bits) << 16)
    }

    /// Widens `count` bf16 values at `source` (any alignment) into `destination`.
    public static func bf16ToFloat(_ source: UnsafeRawPointer, _ destination: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 8 <= count {
            let halves = source.loadUnaligned(fromByteOffset: 2 * i, as: SIMD8<UInt16>.self)
            let widened = SIMD8<UInt32>(truncatingIfNeeded: halves) &<< 16
            UnsafeMutableRawPointer(destination + i).storeBytes(
                of: unsafeBitCast(widened, to: SIMD8<Float>.self), as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            destination[i] = float(bf16: source.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
            i += 1
        }
    }

    /// Narrows `count` float32 values into bf16 bits at `destination` (any alignment).
    public static func floatToBF16(_ source: UnsafePointer<Float>, _ destination: UnsafeMutableRawPointer, count: Int) {
        var i = 0
        while i + 8 <= count {
            let v = UnsafeRawPointer(source + i).loadUnaligned(as: SIMD8<Float>.self)
            let bits = unsafeBitCast(v, to: SIMD8<UInt32>.self)
            let bias = ((bits &>> 16) & 1) &+ 0x7FFF
            var wide = (bits &+ bias) &>> 16
            let nan = v .!= v
            if any(nan) { wide.replace(with: 0x7FC0, where: nan) }
            let rounded = SIMD8<UInt16>(truncatingIfNeeded: wide)
            destination.storeBytes(of: rounded, toByteOffset: 2 * i, as: SIMD8<UInt16>.self)
            i += 8
        }
        while i < count {
            destination.storeBytes(of: bf16Bits(source[i]), toByteOffset: 2 * i, as: UInt16.self)
            i += 1
        }
    }

    /// Widens `count` IEEE half values at `source` (any alignment) into `destination`.
    ///
    /// Bit manipulation rather than `Float16` conversion, because without F16C in the
    /// compile target Swift converts halves through a slow software routine: shift exponent
    /// and mantissa into place, rebias the exponent, then fix the two special ranges —
    /// Inf/NaN (exponent all ones) and subnormals (renormalised by one float subtraction).
    public static func f16ToFloat(_ source: UnsafeRawPointer, _ destination: UnsafeMutablePointer<Float>, count: Int) {
        let magic = Float(bitPattern: 113 << 23)
        for i in 0..<count {
            let h = UInt32(source.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
            var o = (h & 0x7FFF) << 13
            let exponent = o & 0x0F80_0000
            o &+= (127 - 15) << 23
            if exponent == 0x0F80_0000 {
                o &+= (128 - 16) << 23
            } else if exponent == 0 {
                o = (Float(bitPattern: o &+ (1 << 23)) - magic).bitPattern
            }
            destination[i] = Float(bitPattern: o | ((h & 0x8000) << 16))
        }
    }

    /// float32 → IEEE half bits, round to nearest even (NaN becomes the quiet NaN 0x7E00).
    /// Bit manipulation for the same reason as `f16ToFloat`: results equal `Float16(x)`.
    @inline(__always)
    public static func f16Bits(_ value: Float) -> UInt16 {
        var f = value.bitPattern
        let sign = f & 0x8000_0000
        f ^= sign
        var o: UInt32
        if f >= (127 + 16) << 23 {
            // Too large for a half: infinity, or NaN.
            o = f > 255 << 23 ? 0x7E00 : 0x7C00
        } else if f < 113 << 23 {
            // A subnormal half (or zero): let the float adder round the mantissa.
            let denormMagic: UInt32 = ((127 - 15) + (23 - 10) + 1) << 23
            o = (Float(bitPattern: f) + Float(bitPattern: denormMagic)).bitPattern &- denormMagic
        } else {
            let mantissaOdd = (f >> 13) & 1
            f &+= ((15 &- 127) << 23) &+ 0xFFF
            f &+= mantissaOdd
            o = f >> 13
        }
        return UInt16(truncatingIfNeeded: o | (sign >> 16))
    }

    /// Narrows `count` float32 values to IEEE half (round to nearest even) at `destination`.
    public static func floatToF16(_ source: UnsafePointer<Float>, _ destination: UnsafeMutableRawPointer, count: Int) {
        for i in 0..<count {
            destination.storeBytes(of: f16Bits(source[i]), toByteOffset: 2 * i, as: UInt16.self)
        }
    }

    /// Converts `count` elements of `dtype` at `source` to float32; nil when the type is not
    /// one the engine computes with (the caller reports it).
    @discardableResult
    public static func toFloat(_ dtype: TensorDType, _ source: UnsafeRawPointer,
                               _ destination: UnsafeMutablePointer<Float>, count: Int) -> Bool {
        switch dtype {
        case .F32:
            UnsafeMutableRawPointer(destination).copyMemory(from: source, byteCount: 4 * count)
        case .BF16: bf16ToFloat(source, destination, count: count)
        case .F16: f16ToFloat(source, destination, count: count)
        default: return false
        }
        return true
    }

    /// Converts `count` float32 values to `dtype` at `destination`; false for non-float types.
    @discardableResult
    public static func fromFloat(_ dtype: TensorDType, _ source: UnsafePointer<Float>,
                                 _ destination: UnsafeMutableRawPointer, count: Int) -> Bool {
        switch dtype {
        case .F32: destination.copyMemory(from: source, byteCount: 4 * count)
        case .BF16: floatToBF16(source, destination, count: count)
        case .F16: floatToF16(source, destination, count: count)
        default: return false
        }
        return true
    }
}
