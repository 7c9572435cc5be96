import Foundation

/// The byte-pair-encoding model of tokenizer.json (`"model": {"type": "BPE"}`):
/// a piece starts as one symbol per scalar (byte-fallback `<0xNN>` tokens or the
/// unknown token for scalars outside the vocabulary), then the lowest-ranked
/// adjacent pair is merged until no pair has a merge — leftmost first on ties —
/// exactly as tokenizers' `Word::merge_all`.
///
/// Hot path: symbol ids come from a flat table for scalars below 0x800, pair ranks
/// from an open-addressing table, and finished pieces from a cache.
final class BPEModel {
    let vocab: [String: Int]
    let idToToken: [String]
    /// Merges in rank order, as pairs of token strings.
    let merges: [(String, String)]
    let unkToken: String?
    let continuingSubwordPrefix: String?
    let endOfWordSuffix: String?
    let byteFallback: Bool
    let fuseUnk: Bool
    let ignoreMerges: Bool

    // `let`s (no dynamic exclusivity checks on the hot path).
    private let pairs: PairTable
    private let scalarIds: [Int32]  // id of the one-scalar token for scalars < 0x800, or -1
    private let byteTokenIds: [Int32]  // id of <0xNN>, or -1
    private let simple: Bool  // no prefix/suffix: symbols are plain scalars
    @exclusivity(unchecked) private var cache = PieceCache()  // guarded by cacheLock
    /// Encoding may run on several threads (dataset maps); only the cache is shared state.
    private let cacheLock = NSLock()

    init(vocab: [String: Int], merges: [(String, String)], unkToken: String?, continuingSubwordPrefix: String?,
         endOfWordSuffix: String?, byteFallback: Bool, fuseUnk: Bool, ignoreMerges: Bool, file: String) throws {
        self.vocab = vocab
        self.merges = merges
        self.unkToken = unkToken
        self.continuingSubwordPrefix = continuingSubwordPrefix?.isEmpty == true ? nil : continuingSubwordPrefix
        self.endOfWordSuffix = endOfWordSuffix?.isEmpty == true ? nil : endOfWordSuffix
        self.byteFallback = byteFallback
        self.fuseUnk = fuseUnk
        self.ignoreMerges = ignoreMerges
        let size = (vocab.values.max() ?? -1) + 1
        var reverse = [String](repeating: "", count: size)
        for (token, id) in vocab {
            guard id >= 0 else { throw TokenizerError.invalidValue(file: file, field: "model.vocab", reason: "negative id \(id) for '\(token)'") }
            reverse[id] = token
        }
        idToToken = reverse
        var pairs = PairTable(capacity: merges.count)
        let prefix = self.continuingSubwordPrefix.map { Array($0.unicodeScalars) } ?? []
        for (rank, (a, b)) in merges.enumerated() {
            guard let ia = vocab[a], let ib = vocab[b] else {
                throw TokenizerError.invalidValue(file: file, field: "model.merges[\(rank)]", reason: "'\(a) \(b)': a part is not in the vocabulary")
            }
            // a + b without b's continuing-subword prefix (compared scalar by scalar).
            let bScalars = Array(b.unicodeScalars)
            let drop = !prefix.isEmpty && bScalars.starts(with: prefix) ? prefix.count : 0
            var joinedScalars = String.UnicodeScalarView(a.unicodeScalars)
            joinedScalars.append(contentsOf: bScalars[drop...])
            let joined = String(joinedScalars)
            guard let merged = vocab[joined] else {
                throw TokenizerError.invalidValue(file: file, field: "model.merges[\(rank)]", reason: "'\(a) \(b)': the merged token '\(joined)' is not in the vocabulary")
            }
            pairs.insertIfAbsent(PairTable.key(ia, ib), rank: UInt32(rank), merged: UInt32(merged))
        }
        self.pairs = pairs
        var scalarIds = [Int32](repeating: -1, count: 0x800)
        var byteTokenIds = [Int32](repeating: -1, count: 256)
        for (token, id) in vocab {
            let s = token.unicodeScalars
            if s.count == 1, let c = s.first, c.value < 0x800 { scalarIds[Int(c.value)] = Int32(id) }
        }
        for b in 0..<256 {
            if let id = vocab[String(format: "<0x%02X>", b)] { byteTokenIds[b] = Int32(id) }
        }
        self.scalarIds = scalarIds
        self.byteTokenIds = byteTokenIds
        simple = self.continuingSubwordPrefix == nil && self.endOfWordSuffix == nil
    }

    var vocabSize: Int { vocab.count }

    func tokenToId(_ token: String) -> Int? { vocab[token] }

    func idToTokenString(_ id: Int) -> String? {
        guard id >= 0, id < idToToken.count else { return nil }
        let token = idToToken[id]
        return token.isEmpty && vocab[""] != id ? nil : token  // ids missing from a sparse vocab
    }

    /// Appends the tokens of `piece` (ids and the scalar range each covers, relative to
    /// `text`) to `ids`/`ranges`.
    func tokenize(_ text: UnsafeBufferPointer<UInt32>, _ piece: Range<Int>, ids: inout [Int32], ranges: inout [Range<Int>]) {
        cacheLock.lock()
        if let hit = cache.lookup(text, piece) {
            Self.emit(hit, from: piece.lowerBound, ids: &ids, ranges: &ranges)
            cacheLock.unlock()
            return
        }
        cacheLock.unlock()
        var symbols = initialSymbols(text, piece)
        if ignoreMerges, let whole = wholePieceId(text, piece) {
            symbols = [(whole, Int32(piece.count))]
        } else {
            mergeAll(&symbols)
        }
        cacheLock.lock()
        cache.insert(text, piece, symbols)
        cacheLock.unlock()
        Self.emit(symbols[...], from: piece.lowerBound, ids: &ids, ranges: &ranges)
    }

    /// Symbols cover consecutive scalars; a zero-length symbol (a continuation byte of a
    /// byte-fallback scalar) covers the same scalar as the symbol before it.
    @inline(__always)
    private static func emit(_ symbols: ArraySlice<(Int32, Int32)>, from start: Int, ids: inout [Int32], ranges: inout [Range<Int>]) {
        var pos = start
        var last = start..<start
        for (id, len) in symbols {
            ids.append(id)
            if len > 0 { last = pos..<(pos + Int(len)); pos += Int(len) }
            ranges.append(last)
        }
    }

    private func wholePieceId(_ text: UnsafeBufferPointer<UInt32>, _ piece: Range<Int>) -> Int32? {
        var s = String.UnicodeScalarView()
        for i in piece { if let u = Unicode.Scalar(text[i]) { s.append(u) } }
        return vocab[String(s)].map(Int32.init)
    }

    /// One symbol per scalar: (token id, number of scalars covered).
    private func initialSymbols(_ text: UnsafeBufferPointer<UInt32>, _ piece: Range<Int>) -> [(Int32, Int32)] {
        var symbols: [(Int32, Int32)] = []
        symbols.reserveCapacity(piece.count)
        var unk: (Int32, Int32)? = nil
        for i in piece {
            let c = text[i]
            var id: Int32 = -1
            if simple {
                if c < 0x800 { id = scalarIds[Int(c)] } else if let u = Unicode.Scalar(c), let v = vocab[String(Character(u))] { id = Int32(v) }
            } else {
                var s = ""
                if i != piece.lowerBound, let p = continuingSubwordPrefix { s += p }
                if let u = Unicode.Scalar(c) { s.unicodeScalars.append(u) }
                if i == piece.upperBound - 1, let suffix = endOfWordSuffix { s += suffix }
                id = vocab[s].map(Int32.init) ?? -1
            }
            if id >= 0 {
                if let u = unk { symbols.append(u); unk = nil }
                symbols.append((id, 1))
                continue
            }
            if byteFallback, let bytes = utf8Bytes(c), bytes.allSatisfy({ byteTokenIds[Int($0)] >= 0 }) {
                if let u = unk { symbols.append(u); unk = nil }
                // Each byte token covers the scalar; the first gets its length, the rest none.
                for (k, b) in bytes.enumerated() { symbols.append((byteTokenIds[Int(b)], k == 0 ? 1 : 0)) }
                continue
            }
            guard let unkToken, let unkId = vocab[unkToken] else { continue }  // no unk: dropped, as tokenizers does
            if let u = unk {
                if fuseUnk { unk = (u.0, u.1 + 1) } else { symbols.append(u); unk = (Int32(unkId), 1) }
            } else {
                unk = (Int32(unkId), 1)
            }
        }
        if let u = unk { symbols.append(u) }
        return symbols
    }

    private func utf8Bytes(_ c: UInt32) -> [UInt8]? {
        guard let u = Unicode.Scalar(c) else { return nil }
        return Array(String(Character(u)).utf8)
    }

    /// Repeatedly merges the lowest-ranked adjacent pair (leftmost on ties).
    private func mergeAll(_ symbols: inout [(Int32, Int32)]) {
        while symbols.count > 1 {
            var best = UInt32.max, bestAt = -1, bestMerged: UInt32 = 0
            for k in 0..<(symbols.count - 1) {
                if let (rank, merged) = pairs.lookup(PairTable.key(Int(symbols[k].0), Int(symbols[k + 1].0))), rank < best {
                    best = rank; bestAt = k; bestMerged = merged
                }
            }
            if bestAt < 0 { break }
            symbols[bestAt] = (Int32(bestMerged), symbols[bestAt].1 + symbols[bestAt + 1].1)
            symbols.remove(at: bestAt + 1)
        }
    }
}

/// Open-addressing hash table from a token-id pair to (merge rank, merged id).
struct PairTable {
    private var keys: [UInt64]
    private var values: [UInt64]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: .max, count: size)
        values = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always) static func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(UInt32(truncatingIfNeeded: a)) << 32 | UInt64(UInt32(truncatingIfNeeded: b)) }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Keeps the first (lowest-rank) entry when a pair appears twice in the merges.
    mutating func insertIfAbsent(_ key: UInt64, rank: UInt32, merged: UInt32) {
        var i = slot(key)
        while keys[i] != .max {
            if keys[i] == key { return }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = UInt64(rank) << 32 | UInt64(merged)
    }

    @inline(__always)
    func lookup(_ key: UInt64) -> (UInt32, UInt32)? {
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { let v = values[i]; return (UInt32(v >> 32), UInt32(truncatingIfNeeded: v)) }
            if k == .max { return nil }
            i = (i + 1) & mask
        }
    }
}

/// Remembers the symbols of pieces already seen (keyed by their scalars); pieces of
/// 256 scalars or more are not cached, and the cache stops growing at 20,000 entries.
struct PieceCache {
    private var index: [Int: Int] = [:]  // hash -> entry
    private var keyStart: [Int] = []
    private var keyLength: [Int] = []
    private var keyPool: [UInt32] = []
    private var valueStart: [Int] = []
    private var valueLength: [Int] = []
    private var valuePool: [(Int32, Int32)] = []

    private static func hash(_ text: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in r { h = (h ^ UInt64(text[i])) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h)
    }

    func lookup(_ text: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> ArraySlice<(Int32, Int32)>? {
        guard r.count < 256, let e = index[Self.hash(text, r)], keyLength[e] == r.count else { return nil }
        let s = keyStart[e]
        var k = 0
        for i in r {
            if keyPool[s + k] != text[i] { return nil }
            k += 1
        }
        return valuePool[valueStart[e]..<(valueStart[e] + valueLength[e])]
    }

    mutating func insert(_ text: UnsafeBufferPointer<UInt32>, _ r: Range<Int>, _ symbols: [(Int32, Int32)]) {
        guard r.count < 256, keyStart.count < 20_000 else { return }
        let h = Self.hash(text, r)
        guard index[h] == nil else { return }
        index[h] = keyStart.count
        keyStart.append(keyPool.count)
        keyLength.append(r.count)
        for i in r { keyPool.append(text[i]) }
        valueStart.append(valuePool.count)
        valueLength.append(symbols.count)
        valuePool.append(contentsOf: symbols)
    }
}
