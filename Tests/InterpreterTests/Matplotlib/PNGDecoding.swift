import Foundation

/// An independent PNG reader for tests: checks the signature and every chunk's CRC-32,
/// inflates the zlib stream (stored and fixed-Huffman blocks, which is what sftnb writes)
/// and checks its Adler-32, then undoes the row filters into RGB pixels.
struct DecodedPNG {
    var width = 0
    var height = 0
    var chunkTypes: [String] = []
    var rgb: [UInt8] = []

    struct Failure: Error, CustomStringConvertible { var description: String }

    subscript(x: Int, y: Int) -> (Int, Int, Int) {
        let i = (y * width + x) * 3
        return (Int(rgb[i]), Int(rgb[i + 1]), Int(rgb[i + 2]))
    }

    init(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure(description: "bad signature") }
        var i = 8
        var idat: [UInt8] = []
        func u32(_ at: Int) -> Int { Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) }
        while i + 12 <= bytes.count {
            let length = u32(i)
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            guard i + 12 + length <= bytes.count else { throw Failure(description: "chunk \(type) overruns the file") }
            let body = Array(bytes[(i + 8)..<(i + 8 + length)])
            guard Self.crc(Array(bytes[(i + 4)..<(i + 8)]) + body) == UInt32(u32(i + 8 + length)) else {
                throw Failure(description: "bad CRC in \(type)")
            }
            chunkTypes.append(type)
            if type == "IHDR" {
                width = Int(body[0]) << 24 | Int(body[1]) << 16 | Int(body[2]) << 8 | Int(body[3])
                height = Int(body[4]) << 24 | Int(body[5]) << 16 | Int(body[6]) << 8 | Int(body[7])
                guard body[8] == 8, body[9] == 2 else { throw Failure(description: "expected 8-bit RGB") }
            }
            if type == "IDAT" { idat += body }
            i += 12 + length
        }
        guard idat.count > 6, (Int(idat[0]) << 8 | Int(idat[1])) % 31 == 0, idat[0] & 0x0f == 8 else {
            throw Failure(description: "bad zlib header")
        }
        let raw = try Self.inflate(Array(idat[2..<(idat.count - 4)]))
        let n = idat.count
        let adler = UInt32(idat[n - 4]) << 24 | UInt32(idat[n - 3]) << 16 | UInt32(idat[n - 2]) << 8 | UInt32(idat[n - 1])
        guard Self.adler(raw) == adler else { throw Failure(description: "bad Adler-32") }
        let stride = width * 3
        guard raw.count == (stride + 1) * height else { throw Failure(description: "\(raw.count) bytes of image data for \(width)x\(height)") }
        var previous = [UInt8](repeating: 0, count: stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            var row = Array(raw[(y * (stride + 1) + 1)..<((y + 1) * (stride + 1))])
            for x in 0..<stride {
                let left = x >= 3 ? row[x - 3] : 0
                switch filter {
                case 0: break
                case 1: row[x] = row[x] &+ left
                case 2: row[x] = row[x] &+ previous[x]
                default: throw Failure(description: "unexpected filter \(filter)")
                }
            }
            rgb += row
            previous = row
        }
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c & 1) == 1 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
        }
        return ~c
    }

    static func adler(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for x in bytes { a = (a + UInt32(x)) % 65521; b = (b + a) % 65521 }
        return b << 16 | a
    }

    static func inflate(_ data: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var bitPos = 0
        func bit() throws -> Int {
            guard bitPos / 8 < data.count else { throw Failure(description: "deflate stream ends early") }
            defer { bitPos += 1 }
            return Int(data[bitPos / 8] >> UInt8(bitPos % 8)) & 1
        }
        func bits(_ n: Int) throws -> Int {
            var v = 0
            for k in 0..<n { v |= try bit() << k }
            return v
        }
        let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        let distBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                        4097, 6145, 8193, 12289, 16385, 24577]
        let distExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        var final = 0
        repeat {
            final = try bits(1)
            switch try bits(2) {
            case 0:
                bitPos = (bitPos + 7) / 8 * 8
                let len = try bits(16), nlen = try bits(16)
                guard len ^ 0xffff == nlen else { throw Failure(description: "stored block length check") }
                for _ in 0..<len { out.append(UInt8(try bits(8))) }
            case 1:
                while true {
                    var code = 0
                    for _ in 0..<7 { code = code << 1 | (try bit()) }
                    var symbol: Int
                    if code <= 0x17 {
                        symbol = 256 + code
                    } else {
                        code = code << 1 | (try bit())
                        if code >= 0x30 && code <= 0xBF { symbol = code - 0x30 } else if code >= 0xC0 && code <= 0xC7 { symbol = 280 + code - 0xC0 } else {
                            code = code << 1 | (try bit())
                            symbol = 144 + code - 0x190
                        }
                    }
                    if symbol < 256 { out.append(UInt8(symbol)); continue }
                    if symbol == 256 { break }
                    let li = symbol - 257
                    guard li < lengthBase.count else { throw Failure(description: "bad length symbol") }
                    let length = lengthBase[li] + (try bits(lengthExtra[li]))
                    var dcode = 0
                    for _ in 0..<5 { dcode = dcode << 1 | (try bit()) }
                    guard dcode < distBase.count else { throw Failure(description: "bad distance code") }
                    let distance = distBase[dcode] + (try bits(distExtra[dcode]))
                    guard distance <= out.count else { throw Failure(description: "distance beyond the output") }
                    for _ in 0..<length { out.append(out[out.count - distance]) }
                }
            default:
                throw Failure(description: "dynamic Huffman blocks are not expected")
            }
        } while final == 0
        return out
    }
}
