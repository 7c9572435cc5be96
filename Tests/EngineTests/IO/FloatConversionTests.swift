import Testing
@testable import Engine

@Suite struct FloatConversionTests {
    @Test func bf16RoundsToNearestEvenLikeTorch() {
        #expect(FloatConversion.bf16Bits(1.0) == 0x3F80)
        // 0x3F808000 is exactly halfway between 0x3F80 and 0x3F81: ties to even (0x3F80).
        #expect(FloatConversion.bf16Bits(Float(bitPattern: 0x3F80_8000)) == 0x3F80)
        // 0x3F818000 is halfway between 0x3F81 and 0x3F82: ties to even (0x3F82).
        #expect(FloatConversion.bf16Bits(Float(bitPattern: 0x3F81_8000)) == 0x3F82)
        #expect(FloatConversion.bf16Bits(Float(bitPattern: 0x3F80_8001)) == 0x3F81)
        #expect(FloatConversion.bf16Bits(.nan) == 0x7FC0)
        #expect(FloatConversion.bf16Bits(.infinity) == 0x7F80)
        #expect(FloatConversion.float(bf16: 0xC040) == -3.0)
    }

    @Test func vectorAndScalarPathsAgree() {
        var rng = SystemRandomNumberGenerator()
        let n = 1003
        var values = (0..<n).map { _ in Float(bitPattern: UInt32.random(in: 0...UInt32.max, using: &rng)) }
        values[5] = .nan
        var bf = [UInt16](repeating: 0, count: n)
        var f16 = [UInt16](repeating: 0, count: n)
        values.withUnsafeBufferPointer { src in
            bf.withUnsafeMutableBytes { FloatConversion.floatToBF16(src.baseAddress!, $0.baseAddress!, count: n) }
            f16.withUnsafeMutableBytes { FloatConversion.floatToF16(src.baseAddress!, $0.baseAddress!, count: n) }
        }
        for i in 0..<n {
            #expect(bf[i] == FloatConversion.bf16Bits(values[i]), "element \(i)")
            let half = Float16(values[i])
            if !half.isNaN { #expect(f16[i] == half.bitPattern, "element \(i)") }
        }
        var back = [Float](repeating: 0, count: n)
        bf.withUnsafeBytes { src in
            back.withUnsafeMutableBufferPointer { FloatConversion.bf16ToFloat(src.baseAddress!, $0.baseAddress!, count: n) }
        }
        for i in 0..<n where !values[i].isNaN {
            #expect(back[i].bitPattern == UInt32(bf[i]) << 16)
        }
    }

    @Test func everyHalfWidensExactly() {
        // All 65536 bit patterns (the 8-lane path) against Swift's Float16 conversion.
        let halves = (0..<65536).map { UInt16($0) }
        var out = [Float](repeating: 0, count: halves.count)
        halves.withUnsafeBytes { src in
            out.withUnsafeMutableBufferPointer { FloatConversion.f16ToFloat(src.baseAddress!, $0.baseAddress!, count: halves.count) }
        }
        for bits in halves {
            let reference = Float(Float16(bitPattern: bits))
            if reference.isNaN {
                #expect(out[Int(bits)].isNaN, "\(bits)")
            } else {
                #expect(out[Int(bits)].bitPattern == reference.bitPattern, "\(bits)")
            }
        }
    }

    @Test func halvesRoundToNearestEven() {
        // Every half, and every midpoint between neighbouring halves (ties), narrows exactly
        // as Float16(x) does.
        var values: [Float] = []
        for bits in UInt16(0)..<0x7C00 {
            let a = Float(Float16(bitPattern: bits)), b = Float(Float16(bitPattern: bits + 1))
            values += [a, -a, (a + b) / 2, -(a + b) / 2, a.nextUp, b.nextDown]
        }
        values += [.infinity, -.infinity, 65520, 65519.99, 1e10, 1e-10, .leastNonzeroMagnitude]
        var out = [UInt16](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBytes { FloatConversion.floatToF16(src.baseAddress!, $0.baseAddress!, count: values.count) }
        }
        var mismatches = 0
        for (i, v) in values.enumerated() where out[i] != Float16(v).bitPattern { mismatches += 1 }
        #expect(mismatches == 0)
        #expect(Float16(bitPattern: FloatConversion.f16Bits(.nan)).isNaN)
    }

    @Test func unalignedSourcesConvert() {
        // A bf16 array starting one byte into a buffer, as a mapped file may present it.
        var raw = [UInt8](repeating: 0, count: 1 + 2 * 9)
        for i in 0..<9 {
            let bits = FloatConversion.bf16Bits(Float(i) + 0.5)
            raw[1 + 2 * i] = UInt8(bits & 0xFF)
            raw[2 + 2 * i] = UInt8(bits >> 8)
        }
        var out = [Float](repeating: 0, count: 9)
        raw.withUnsafeBytes { src in
            out.withUnsafeMutableBufferPointer { FloatConversion.bf16ToFloat(src.baseAddress! + 1, $0.baseAddress!, count: 9) }
        }
        #expect(out == (0..<9).map { Float($0) + 0.5 })
    }
}
