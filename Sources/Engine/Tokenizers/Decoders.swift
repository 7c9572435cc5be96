import Foundation

/// A tokenizer.json `"decoder"`: turns token strings back into text. Like tokenizers,
/// each decoder maps the list of token strings to a new list; the results are joined.
protocol Decoder {
    func decodeChain(_ tokens: [String]) -> [String]
}

let knownDecoders = ["ByteLevel", "Metaspace", "ByteFallback", "Fuse", "Strip", "Replace", "Sequence"]

func makeDecoder(_ json: TokenizerJSON) throws -> Decoder {
    switch try json.type() {
    case "ByteLevel": return ByteLevelDecoder()
    case "Metaspace":
        let replacement = try json.string("replacement").unicodeScalars
        guard replacement.count == 1, let r = replacement.first else {
            throw TokenizerError.invalidValue(file: json.file, field: json.field("replacement"), reason: "must be one character")
        }
        var scheme = try json.optionalString("prepend_scheme") ?? "always"
        if !json.has("prepend_scheme"), try !json.bool("add_prefix_space", default: true) { scheme = "never" }
        return MetaspaceDecoder(replacement: r, stripFirst: scheme != "never")
    case "ByteFallback": return ByteFallbackDecoder()
    case "Fuse": return FuseDecoder()
    case "Strip":
        let content = try json.string("content").unicodeScalars
        guard content.count == 1, let c = content.first else {
            throw TokenizerError.invalidValue(file: json.file, field: json.field("content"), reason: "must be one character")
        }
        return StripDecoder(content: c, start: try json.int("start"), stop: try json.int("stop"))
    case "Replace":
        let pattern = try TextPattern(json, field: "pattern")
        return ReplaceDecoder(replace: ReplaceNormalizer(pattern: pattern, content: try json.string("content").unicodeScalars.map(\.value)))
    case "Sequence": return SequenceDecoder(items: try json.objects("decoders").map(makeDecoder))
    default: try json.unknown("decoder", known: knownDecoders)
    }
}

/// Byte-level alphabet back to bytes, then UTF-8 with U+FFFD for invalid sequences. A
/// token with a scalar outside the alphabet (an added token) contributes its own UTF-8.
struct ByteLevelDecoder: Decoder {
    func decodeChain(_ tokens: [String]) -> [String] {
        var bytes: [UInt8] = []
        for t in tokens {
            let start = bytes.count
            var ok = true
            for u in t.unicodeScalars {
                let b = ByteLevelAlphabet.byte(for: u.value)
                if b < 0 { ok = false; break }
                bytes.append(UInt8(b))
            }
            if !ok {
                bytes.removeSubrange(start...)
                bytes.append(contentsOf: t.utf8)
            }
        }
        return [String(decoding: bytes, as: UTF8.self)]
    }
}

struct MetaspaceDecoder: Decoder {
    let replacement: Unicode.Scalar
    let stripFirst: Bool
    /// Scalar by scalar (a Character could glue the replacement to a combining mark).
    func decodeChain(_ tokens: [String]) -> [String] {
        tokens.enumerated().map { i, t in
            var s = String.UnicodeScalarView()
            for u in t.unicodeScalars {
                if u == replacement {
                    if !(i == 0 && stripFirst) { s.append(" ") }
                } else {
                    s.append(u)
                }
            }
            return String(s)
        }
    }
}

/// `<0xNN>` tokens become bytes; each run of them becomes UTF-8 text, or one U+FFFD
/// per byte when the run is not valid UTF-8 (tokenizers' rule).
struct ByteFallbackDecoder: Decoder {
    static func byteValue(_ t: String) -> UInt8? {
        let u = Array(t.utf8)
        guard u.count == 6, u[0] == 0x3C, u[1] == 0x30, u[2] == 0x78, u[5] == 0x3E else { return nil }
        return UInt8(String(decoding: u[3..<5], as: UTF8.self), radix: 16)
    }

    func decodeChain(_ tokens: [String]) -> [String] {
        var out: [String] = []
        var pending: [UInt8] = []
        func flush() {
            guard !pending.isEmpty else { return }
            if let s = String(validating: pending, as: UTF8.self) {
                out.append(s)
            } else {
                out.append(contentsOf: repeatElement("\u{FFFD}", count: pending.count))
            }
            pending.removeAll()
        }
        for t in tokens {
            if let b = Self.byteValue(t) { pending.append(b) } else { flush(); out.append(t) }
        }
        flush()
        return out
    }
}

struct FuseDecoder: Decoder {
    func decodeChain(_ tokens: [String]) -> [String] { [tokens.joined()] }
}

/// Removes up to `start` leading and `stop` trailing `content` scalars of each token.
struct StripDecoder: Decoder {
    let content: Unicode.Scalar
    let start: Int, stop: Int
    func decodeChain(_ tokens: [String]) -> [String] {
        tokens.map { t in
            let scalars = Array(t.unicodeScalars)
            var lo = 0
            while lo < start && lo < scalars.count && scalars[lo] == content { lo += 1 }
            var hi = scalars.count, removed = 0
            while removed < stop && hi > lo && scalars[hi - 1] == content { hi -= 1; removed += 1 }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[lo..<hi])
            return String(s)
        }
    }
}

struct ReplaceDecoder: Decoder {
    let replace: ReplaceNormalizer
    func decodeChain(_ tokens: [String]) -> [String] {
        tokens.map { t in
            let text = AlignedText(t)
            return replace.replacing(text, range: 0..<text.count).string
        }
    }
}

struct SequenceDecoder: Decoder {
    let items: [Decoder]
    func decodeChain(_ tokens: [String]) -> [String] {
        items.reduce(tokens) { $1.decodeChain($0) }
    }
}
