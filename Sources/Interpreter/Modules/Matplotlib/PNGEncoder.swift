import Foundation

/// PNG files from 8-bit RGB pixels, with no external library: each row gets the PNG filter
/// (None, Sub or Up) with the smallest sum of bytes, the rows go through `Deflate` into a
/// zlib stream (Adler-32 trailer), and every chunk carries its CRC-32.
enum PNGEncoder {
    static func encode(rgb: [UInt8], width: Int, height: Int) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((width * 3 + 1) * height)
        let stride = width * 3
        var previous = [UInt8](repeating: 0, count: stride)
        var sub = [UInt8](repeating: 0, count: stride), up = [UInt8](repeating: 0, count: stride)
        for y in 0..<height {
            let row = Array(rgb[(y * stride)..<((y + 1) * stride)])
            for i in 0..<stride {
                sub[i] = row[i] &- (i >= 3 ? row[i - 3] : 0)
                up[i] = row[i] &- previous[i]
            }
            func cost(_ bytes: [UInt8]) -> Int { bytes.reduce(0) { $0 + Int(Int8(bitPattern: $1).magnitude) } }
            let options: [(UInt8, [UInt8])] = [(0, row), (1, sub), (2, up)]
            let best = options.min { cost($0.1) < cost($1.1) } ?? options[0]
            raw.append(best.0)
            raw.append(contentsOf: best.1)
            previous = row
        }
        var zlib: [UInt8] = [0x78, 0x01]
        zlib += Deflate.compress(raw)
        zlib += bigEndian(adler32(raw))

        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8-bit RGB, deflate, adaptive filtering, no interlace
        out += chunk("IHDR", header)
        out += chunk("IDAT", zlib)
        out += chunk("IEND", [])
        return out
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc32(typeBytes + data))
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)]
    }

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xff)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var i = 0
        while i < bytes.count {
            let end = min(i + 5552, bytes.count)  // the most bytes before the sums can overflow
            while i < end {
                a += UInt32(bytes[i])
                b += a
                i += 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }
}

/// DEFLATE (RFC 1951) with one block of fixed Huffman codes and greedy LZ77 matching through
/// a hash of the next three bytes: plots are mostly runs of one colour, which this shrinks
/// about a hundredfold without the complexity of dynamic codes.
enum Deflate {
    static func compress(_ data: [UInt8]) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)  // final block
        bits.write(1, count: 2)  // fixed Huffman codes
        let n = data.count
        var head = [Int](repeating: -1, count: 1 << 15)
        func hash(_ i: Int) -> Int {
            (Int(data[i]) << 10 ^ Int(data[i + 1]) << 5 ^ Int(data[i + 2])) & 0x7fff
        }
        var i = 0
        while i < n {
            var length = 0, distance = 0
            if i + 3 <= n {
                let h = hash(i)
                let candidate = head[h]
                head[h] = i
                if candidate >= 0, i - candidate <= 32768 {
                    let limit = min(258, n - i)
                    var l = 0
                    while l < limit && data[candidate + l] == data[i + l] { l += 1 }
                    if l >= 3 { length = l; distance = i - candidate }
                }
            }
            if length >= 3 {
                writeLength(length, &bits)
                writeDistance(distance, &bits)
                let end = i + length
                i += 1
                while i < end {
                    if i + 3 <= n { head[hash(i)] = i }
                    i += 1
                }
            } else {
                writeLiteral(Int(data[i]), &bits)
                i += 1
            }
        }
        writeLiteral(256, &bits)
        return bits.finish()
    }

    /// Fixed literal/length code (RFC 1951 3.2.6), written most significant bit first.
    private static func writeLiteral(_ v: Int, _ bits: inout BitWriter) {
        switch v {
        case 0...143: bits.writeReversed(0x30 + v, count: 8)
        case 144...255: bits.writeReversed(0x190 + v - 144, count: 9)
        case 256...279: bits.writeReversed(v - 256, count: 7)
        default: bits.writeReversed(0xC0 + v - 280, count: 8)
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                             131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                               2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    private static func writeLength(_ length: Int, _ bits: inout BitWriter) {
        var code = lengthBase.count - 1
        while lengthBase[code] > length { code -= 1 }
        writeLiteral(257 + code, &bits)
        bits.write(length - lengthBase[code], count: lengthExtra[code])
    }

    private static func writeDistance(_ distance: Int, _ bits: inout BitWriter) {
        var code = distanceBase.count - 1
        while distanceBase[code] > distance { code -= 1 }
        bits.writeReversed(code, count: 5)
        bits.write(distance - distanceBase[code], count: distanceExtra[code])
    }
}

/// Packs bits least significant first, as DEFLATE streams are read.
struct BitWriter {
    private var bytes: [UInt8] = []
    private var current: UInt32 = 0
    private var filled = 0

    mutating func write(_ value: Int, count: Int) {
        guard count > 0 else { return }
        current |= UInt32(value & ((1 << count) - 1)) << UInt32(filled)
        filled += count
        while filled >= 8 {
            bytes.append(UInt8(current & 0xff))
            current >>= 8
            filled -= 8
        }
    }

    /// Huffman codes go most significant bit first.
    mutating func writeReversed(_ code: Int, count: Int) {
        var reversed = 0
        for k in 0..<count where code & (1 << k) != 0 { reversed |= 1 << (count - 1 - k) }
        write(reversed, count: count)
    }

    mutating func finish() -> [UInt8] {
        if filled > 0 { bytes.append(UInt8(current & 0xff)) }
        current = 0
        filled = 0
        return bytes
    }
}
