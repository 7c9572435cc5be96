/// A tokenizer.json `"post_processor"`: adjusts a finished encoding — adds the special
/// tokens of a template (BOS/EOS, CLS/SEP) and trims byte-level offsets.
protocol PostProcessor {
    func process(_ encoding: inout RawEncoding, addSpecialTokens: Bool)
}

let knownPostProcessors = ["ByteLevel", "TemplateProcessing", "RobertaProcessing", "BertProcessing", "Sequence"]

/// An encoding under construction: parallel arrays, one entry per token.
struct RawEncoding {
    var ids: [Int32] = []
    var offsets: [Range<Int>] = []
    /// The matched text of added tokens (nil for model tokens, whose string is the vocabulary's).
    var values: [String?] = []
    var special: [Bool] = []
    /// False when only ids are wanted: offset-only work (byte-level trimming) is skipped.
    var wantsOffsets = true

    mutating func append(_ id: Int32, _ offset: Range<Int>, value: String? = nil, special: Bool = false) {
        ids.append(id)
        offsets.append(offset)
        values.append(value)
        self.special.append(special)
    }

    mutating func insertSpecial(_ id: Int32, at index: Int) {
        ids.insert(id, at: index)
        offsets.insert(0..<0, at: index)
        values.insert(nil, at: index)
        special.insert(true, at: index)
    }
}

func makePostProcessor(_ json: TokenizerJSON, tokenString: @escaping (Int) -> String?, idOf: (String) -> Int?) throws -> PostProcessor {
    switch try json.type() {
    case "ByteLevel":
        return ByteLevelPostProcessor(trimOffsets: try json.bool("trim_offsets", default: true),
                                      addPrefixSpace: try json.bool("add_prefix_space", default: true),
                                      tokenString: tokenString)
    case "TemplateProcessing":
        var pieces: [TemplatePostProcessor.Piece] = []
        let single = try json.array("single")
        let specials = try json.optionalObject("special_tokens")
        for (i, item) in single.enumerated() {
            let field = json.field("single[\(i)]")
            guard let d = item as? [String: Any] else {
                throw TokenizerError.wrongType(file: json.file, field: field, expected: "an object")
            }
            let obj = TokenizerJSON(d, file: json.file, path: field)
            if let seq = try obj.optionalObject("Sequence") {
                let which = try seq.string("id")
                guard which == "A" else {
                    throw TokenizerError.notImplemented("\(json.file): \(field): only sequence $A in a single template (got $\(which))")
                }
                pieces.append(.sequence)
            } else if let sp = try obj.optionalObject("SpecialToken") {
                let name = try sp.string("id")
                var ids: [Int32] = []
                if let entry = try specials?.optionalObject(name) {
                    ids = try entry.array("ids").map { v in
                        guard let n = v as? Int else { throw TokenizerError.wrongType(file: json.file, field: entry.field("ids"), expected: "integers") }
                        return Int32(n)
                    }
                } else if let id = idOf(name) {
                    ids = [Int32(id)]
                } else {
                    throw TokenizerError.invalidValue(file: json.file, field: field, reason: "special token '\(name)' is not in special_tokens nor the vocabulary")
                }
                pieces.append(.special(ids))
            } else {
                throw TokenizerError.invalidValue(file: json.file, field: field, reason: "expected {\"Sequence\": ...} or {\"SpecialToken\": ...}")
            }
        }
        return TemplatePostProcessor(pieces: pieces)
    case "RobertaProcessing", "BertProcessing":
        func pair(_ key: String) throws -> Int32 {
            let a = try json.array(key)
            guard a.count == 2, let id = a[1] as? Int else {
                throw TokenizerError.wrongType(file: json.file, field: json.field(key), expected: "[token, id]")
            }
            return Int32(id)
        }
        let template = TemplatePostProcessor(pieces: [.special([try pair("cls")]), .sequence, .special([try pair("sep")])])
        if try json.type() == "RobertaProcessing", try json.bool("trim_offsets", default: true) {
            let trim = ByteLevelPostProcessor(trimOffsets: true, addPrefixSpace: try json.bool("add_prefix_space", default: true),
                                              tokenString: tokenString)
            return SequencePostProcessor(items: [trim, template])
        }
        return template
    case "Sequence":
        return SequencePostProcessor(items: try json.objects("processors").map {
            try makePostProcessor($0, tokenString: tokenString, idOf: idOf)
        })
    default: try json.unknown("post_processor", known: knownPostProcessors)
    }
}

/// Trims leading/trailing spaces (`Ġ` or whitespace) of each token from its offsets,
/// like tokenizers' `process_offsets` (a first token's single added prefix space stays).
struct ByteLevelPostProcessor: PostProcessor {
    let trimOffsets: Bool
    let addPrefixSpace: Bool
    let tokenString: (Int) -> String?

    private static func isSpace(_ u: Unicode.Scalar) -> Bool { u.value == 0x120 || UnicodeProperties.isWhitespace(u.value) }

    func process(_ e: inout RawEncoding, addSpecialTokens: Bool) {
        guard trimOffsets, e.wantsOffsets else { return }
        for i in e.ids.indices {
            guard let token = e.values[i] ?? tokenString(Int(e.ids[i])) else { continue }
            let scalars = token.unicodeScalars
            guard let first = scalars.first, let last = scalars.last, Self.isSpace(first) || Self.isSpace(last) else { continue }
            var leading = 0
            for u in scalars { if Self.isSpace(u) { leading += 1 } else { break } }
            var trailing = 0
            for u in scalars.reversed() { if Self.isSpace(u) { trailing += 1 } else { break } }
            var (s, t) = (e.offsets[i].lowerBound, e.offsets[i].upperBound)
            if leading > 0 {
                let isFirst = i == 0 || s == 0
                if isFirst && addPrefixSpace && leading == 1 { leading = 0 }
                s = min(s + leading, t)
            }
            if trailing > 0 && t >= trailing { t = max(t - trailing, s) }
            e.offsets[i] = s..<t
        }
    }
}

struct TemplatePostProcessor: PostProcessor {
    enum Piece { case sequence, special([Int32]) }
    let pieces: [Piece]

    func process(_ e: inout RawEncoding, addSpecialTokens: Bool) {
        guard addSpecialTokens else { return }
        var out = RawEncoding()
        for piece in pieces {
            switch piece {
            case .sequence:
                out.ids += e.ids; out.offsets += e.offsets; out.values += e.values; out.special += e.special
            case let .special(ids):
                for id in ids { out.append(id, 0..<0, special: true) }
            }
        }
        e = out
    }
}

struct SequencePostProcessor: PostProcessor {
    let items: [PostProcessor]
    func process(_ e: inout RawEncoding, addSpecialTokens: Bool) {
        for p in items { p.process(&e, addSpecialTokens: addSpecialTokens) }
    }
}
