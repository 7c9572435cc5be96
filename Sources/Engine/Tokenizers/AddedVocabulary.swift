/// A token added on top of the model's vocabulary (tokenizer.json `"added_tokens"`,
/// `tokenizer.add_tokens`, `add_special_tokens`), with tokenizers' matching flags.
public struct AddedToken: Equatable, Sendable {
    public var content: String
    /// Only matches when not glued to word characters (`\w`) on either side.
    public var singleWord: Bool
    /// Also swallows the whitespace on its left / right.
    public var lstrip: Bool
    public var rstrip: Bool
    /// Matched against the normalized text (and decoded in its normalized form).
    public var normalized: Bool
    /// Skipped by `decode(skipSpecialTokens: true)`.
    public var special: Bool

    /// Defaults as tokenizers' `AddedToken(content, special)`: special tokens are not normalized.
    public init(_ content: String, special: Bool = false, singleWord: Bool = false, lstrip: Bool = false,
                rstrip: Bool = false, normalized: Bool? = nil) {
        self.content = content
        self.special = special
        self.singleWord = singleWord
        self.lstrip = lstrip
        self.rstrip = rstrip
        self.normalized = normalized ?? !special
    }
}

/// The added tokens and the two matchers tokenizers' `AddedVocabulary` keeps: one for
/// non-normalized tokens, run over the raw text, and one for normalized tokens, run
/// over each normalized segment. Matching is leftmost-longest, like its Aho-Corasick.
final class AddedVocabulary {
    private(set) var byId: [Int: AddedToken] = [:]
    private(set) var idByContent: [String: Int] = [:]
    /// Normalized form of normalized tokens whose form differs (used for matching and decoding).
    private(set) var normalizedForm: [Int: String] = [:]
    private(set) var specialContents: Set<String> = []
    private var rawTrie = ScalarTrie()
    private var normalizedTrie = ScalarTrie()

    var count: Int { idByContent.count }
    var isEmpty: Bool { idByContent.isEmpty }
    var hasNormalizedTokens: Bool { !normalizedTrie.isEmpty }
    var hasRawTokens: Bool { !rawTrie.isEmpty }

    /// Tokens in id order (for saving).
    var sortedTokens: [(Int, AddedToken)] { byId.sorted { $0.key < $1.key } }

    /// Adds tokens, reusing the model's id when the content is in its vocabulary and
    /// otherwise giving the next id after both vocabularies. Returns how many were new.
    @discardableResult
    func add(_ tokens: [AddedToken], model: BPEModel, normalizer: Normalizer?, forcedIds: [Int?]? = nil) -> Int {
        var added = 0
        for (k, token) in tokens.enumerated() {
            guard !token.content.isEmpty else { continue }
            if let id = idByContent[token.content], byId[id] == token { continue }
            let id: Int
            if let forced = forcedIds?[k] {
                id = forced
            } else if let existing = idByContent[token.content] ?? model.tokenToId(token.content) {
                id = existing
            } else {
                let maxAdded = byId.keys.max()
                let modelSize = model.vocabSize
                if let m = maxAdded, m >= modelSize || modelSize == 0 { id = m + 1 } else { id = modelSize }
            }
            if token.normalized, let normalizer {
                var t = AlignedText(token.content)
                normalizer.normalize(&t)
                // Scalar comparison: String's == would call NFC and NFD forms equal.
                let form = t.string
                normalizedForm[id] = form.unicodeScalars.elementsEqual(token.content.unicodeScalars) ? nil : form
            }
            idByContent[token.content] = id
            if token.special { specialContents.insert(token.content) }
            byId[id] = token
            added += 1
        }
        rebuildTries()
        return added
    }

    private func rebuildTries() {
        rawTrie = ScalarTrie()
        normalizedTrie = ScalarTrie()
        for (id, token) in byId {
            if token.normalized {
                normalizedTrie.insert((normalizedForm[id] ?? token.content).unicodeScalars.map(\.value), id: id)
            } else {
                rawTrie.insert(token.content.unicodeScalars.map(\.value), id: id)
            }
        }
    }

    /// The string `decode` uses for an added token id.
    func decodeString(_ id: Int) -> String? {
        guard let t = byId[id] else { return nil }
        return normalizedForm[id] ?? t.content
    }

    /// Splits `range` of `text` into plain segments and added-token matches, following
    /// tokenizers' `find_matches` (single_word, lstrip, rstrip).
    func split(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, normalized: Bool) -> [(Range<Int>, Int?)] {
        let trie = normalized ? normalizedTrie : rawTrie
        if range.isEmpty || trie.isEmpty { return [(range, nil)] }
        var out: [(Range<Int>, Int?)] = []
        var startOffset = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            guard let (length, id) = trie.longestMatch(text, at: i, end: range.upperBound) else { i += 1; continue }
            var start = i, stop = i + length
            i = stop
            guard let token = byId[id] else { continue }
            if token.singleWord {
                let before = start > range.lowerBound && UnicodeProperties.isWordCharacter(text[start - 1])
                let after = stop < range.upperBound && UnicodeProperties.isWordCharacter(text[stop])
                if before || after { continue }
            }
            if token.lstrip {
                var s = start
                while s > range.lowerBound && UnicodeProperties.isWhitespace(text[s - 1]) { s -= 1 }
                start = max(s, startOffset)
            }
            if token.rstrip {
                while stop < range.upperBound && UnicodeProperties.isWhitespace(text[stop]) { stop += 1 }
            }
            if startOffset < start { out.append((startOffset..<start, nil)) }
            out.append((start..<stop, id))
            startOffset = stop
        }
        if startOffset < range.upperBound { out.append((startOffset..<range.upperBound, nil)) }
        return out
    }
}

/// A trie over Unicode scalars for leftmost-longest matching of added tokens.
struct ScalarTrie {
    private var children: [[UInt32: Int32]] = [[:]]
    private var terminal: [Int] = [-1]
    private(set) var isEmpty = true
    /// Which ASCII scalars start a key: most positions are rejected without hashing.
    private var asciiFirst: (UInt64, UInt64) = (0, 0)

    mutating func insert(_ key: [UInt32], id: Int) {
        guard let first = key.first else { return }
        if first < 64 { asciiFirst.0 |= 1 << UInt64(first) } else if first < 128 { asciiFirst.1 |= 1 << UInt64(first - 64) }
        var node = 0
        for c in key {
            if let next = children[node][c] {
                node = Int(next)
            } else {
                children.append([:])
                terminal.append(-1)
                children[node][c] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        terminal[node] = id
        isEmpty = false
    }

    /// The longest key starting at `i` (its length and id).
    @inline(__always)
    func longestMatch(_ text: UnsafeBufferPointer<UInt32>, at i: Int, end: Int) -> (Int, Int)? {
        let c = text[i]
        if c < 64 {
            if asciiFirst.0 & (1 << UInt64(c)) == 0 { return nil }
        } else if c < 128 {
            if asciiFirst.1 & (1 << UInt64(c - 64)) == 0 { return nil }
        }
        guard let first = children[0][c] else { return nil }
        var node = Int(first)
        var best: (Int, Int)? = terminal[node] >= 0 ? (1, terminal[node]) : nil
        var j = i + 1
        while j < end, let next = children[node][text[j]] {
            node = Int(next)
            j += 1
            if terminal[node] >= 0 { best = (j - i, terminal[node]) }
        }
        return best
    }
}
