/// GPT-2's byte-level alphabet: every byte gets a printable scalar (bytes that are
/// printable Latin-1 map to themselves, the others to U+0100 and up, in order), so
/// any text becomes a string over 256 symbols that a BPE vocabulary can cover.
enum ByteLevelAlphabet {
    /// Scalar for each byte.
    static let byteToScalar: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 256)
        var n: UInt32 = 0
        for b in 0..<256 {
            let printable = (0x21...0x7E).contains(b) || (0xA1...0xAC).contains(b) || (0xAE...0xFF).contains(b)
            if printable { table[b] = UInt32(b) } else { table[b] = 256 + n; n += 1 }
        }
        return table
    }()

    /// Byte for each scalar below 0x144 that is in the alphabet, else -1.
    static let scalarToByte: [Int16] = {
        var table = [Int16](repeating: -1, count: 0x144)
        for (b, s) in byteToScalar.enumerated() { table[Int(s)] = Int16(b) }
        return table
    }()

    @inline(__always)
    static func byte(for scalar: UInt32) -> Int16 {
        scalar < 0x144 ? scalarToByte[Int(scalar)] : -1
    }

    /// Replaces every scalar of every piece by the alphabet scalars of its UTF-8 bytes;
    /// all of them keep the original scalar's span.
    static func encode(_ text: inout AlignedText) {
        let table = byteToScalar
        var out = AlignedText()
        out.reserve(text.count + text.count / 2)
        out.pieces.reserveCapacity(text.pieces.count)
        for piece in text.pieces {
            let lo = out.count
            for i in piece {
                let c = text.scalars[i], s = text.starts[i], e = text.ends[i]
                if c < 0x80 {
                    out.append(table[Int(c)], start: s, end: e)
                } else if c < 0x800 {
                    out.append(table[Int(0xC0 | (c >> 6))], start: s, end: e)
                    out.append(table[Int(0x80 | (c & 0x3F))], start: s, end: e)
                } else if c < 0x10000 {
                    out.append(table[Int(0xE0 | (c >> 12))], start: s, end: e)
                    out.append(table[Int(0x80 | ((c >> 6) & 0x3F))], start: s, end: e)
                    out.append(table[Int(0x80 | (c & 0x3F))], start: s, end: e)
                } else {
                    out.append(table[Int(0xF0 | (c >> 18))], start: s, end: e)
                    out.append(table[Int(0x80 | ((c >> 12) & 0x3F))], start: s, end: e)
                    out.append(table[Int(0x80 | ((c >> 6) & 0x3F))], start: s, end: e)
                    out.append(table[Int(0x80 | (c & 0x3F))], start: s, end: e)
                }
            }
            if out.count > lo { out.pieces.append(lo..<out.count) }
        }
        text = out
    }

    /// The alphabet as one-scalar strings (the trainer's initial alphabet).
    static var symbols: [String] {
        byteToScalar.map { String(Unicode.Scalar($0).map(Character.init) ?? "?") }
    }
}
