/// Byte-pair-encoding training as tokenizers' `BpeTrainer` does it, so the same corpus
/// and settings give the same merges and ids:
/// - ids: special tokens first, then the alphabet (every scalar of the words plus the
///   initial alphabet) in code-point order, then one token per merge;
/// - each step merges the most frequent adjacent pair (weighted by word count); ties go
///   to the pair with the smaller (left id, right id);
/// - training stops at `vocabSize`, or when the best count is below `minFrequency` (or 0).
///
/// The bookkeeping is tokenizers' too, because its quirks decide the merges in rare cases
/// (a token reachable by two merge paths): each queued candidate carries the words where
/// its pair appeared since it was queued and a merge visits only those; a word's merge
/// reports the neighbouring pairs it removes and forms, not the merged pair itself, whose
/// count stays as it was.
///
/// Speed: words are runs of `Int32` symbols in one arena merged in place, pairs are packed
/// in a `UInt64` and counted in an open-addressing table, and position lists share one
/// buffer, so a merge step allocates nothing per word.
public struct BPETrainer {
    public var vocabSize: Int
    public var minFrequency: Int
    public var specialTokens: [String]
    public var initialAlphabet: [String]

    public init(vocabSize: Int, minFrequency: Int = 0, specialTokens: [String] = [], initialAlphabet: [String] = []) {
        self.vocabSize = vocabSize
        self.minFrequency = minFrequency
        self.specialTokens = specialTokens
        self.initialAlphabet = initialAlphabet
    }

    public struct Result {
        /// Ids by token. Swift's String keys merge canonically equivalent tokens ("é" and
        /// "e\u{301}"), which tokenizers keeps apart: then this has fewer entries than `tokens`.
        public var vocab: [String: Int]
        public var merges: [(String, String)]
        /// Tokens in id order.
        public var tokens: [String]
    }

    /// Trains on pre-tokenized words with their counts.
    public func train(words: WordCounts) -> Result {
        var vocab = Vocabulary()
        for s in specialTokens { _ = vocab.intern(s) }
        let symbols = alphabetSymbols(words, &vocab)
        var state = MergeState(words: words, symbolOf: symbols)
        var merges: [(String, String)] = []
        while vocab.tokens.count < vocabSize, let top = state.queue.pop() {
            let current = state.pairs.find(top.key).map { state.pairs.counts[$0] } ?? 0
            if top.count != current {
                if current > 0 {
                    state.queue.push(MergeCandidate(count: current, key: top.key, start: top.start, length: top.length))
                }
                continue
            }
            if top.count < 1 || top.count < minFrequency { break }
            let a = Int(top.key >> 32), b = Int(top.key & 0xFFFF_FFFF)
            let merged = vocab.intern(vocab.tokens[a] + vocab.tokens[b])
            merges.append((vocab.tokens[a], vocab.tokens[b]))
            state.merge(top, into: Int32(merged))
        }
        var ids: [String: Int] = [:]
        for (id, token) in vocab.tokens.enumerated() where ids[token] == nil { ids[token] = id }
        return Result(vocab: ids, merges: merges, tokens: vocab.tokens)
    }

    /// Interns the alphabet in code-point order; returns the symbol id of each scalar
    /// (indexed by scalar, -1 where not in the alphabet).
    private func alphabetSymbols(_ words: WordCounts, _ vocab: inout Vocabulary) -> [Int32] {
        var extra: [UInt32] = []
        for s in initialAlphabet { extra.append(contentsOf: s.unicodeScalars.map(\.value)) }
        let top = max(words.scalars.max() ?? 0, extra.max() ?? 0)
        var symbolOf = [Int32](repeating: -1, count: Int(top) + 1)
        for c in words.scalars { symbolOf[Int(c)] = 0 }
        for c in extra { symbolOf[Int(c)] = 0 }
        for c in symbolOf.indices where symbolOf[c] == 0 {
            guard let u = Unicode.Scalar(UInt32(c)) else { symbolOf[c] = -1; continue }
            symbolOf[c] = Int32(vocab.intern(String(Character(u))))
        }
        return symbolOf
    }
}

/// Tokens by id and ids by token, the tokens compared scalar by scalar as tokenizers does
/// (a merge giving "e\u{301}" is a new token even when "é" exists).
private struct Vocabulary {
    var tokens: [String] = []
    var ids: [ExactString: Int] = [:]

    mutating func intern(_ s: String) -> Int {
        if let id = ids[ExactString(s)] { return id }
        tokens.append(s)
        ids[ExactString(s)] = tokens.count - 1
        return tokens.count - 1
    }
}

/// A String hashed and compared by its Unicode scalars, not by canonical equivalence.
private struct ExactString: Hashable {
    let string: String
    init(_ string: String) { self.string = string }
    static func == (a: Self, b: Self) -> Bool { a.string.unicodeScalars.elementsEqual(b.string.unicodeScalars) }
    func hash(into hasher: inout Hasher) { for u in string.unicodeScalars { hasher.combine(u.value) } }
}

/// The words as symbols, the pair counts and the queue, changed by each merge.
private struct MergeState {
    /// Symbols of every word, back to back; word `w` is `symbols[start[w] ..< start[w] + length[w]]`
    /// and shrinks in place as pairs merge.
    var symbols: [Int32]
    let start: [Int32]
    var length: [Int32]
    let wordCount: [Int]
    var pairs: PairCounts
    var queue = MergeQueue()
    /// Per pair index, during one merge step: the last word that formed it (so each word is
    /// listed once) and how many words did.
    private var lastWord: [Int32] = []
    private var formedIn: [Int32] = []
    /// This step's (pair index, word) for every pair a word newly formed, and the pairs in
    /// first-formed order.
    private var formed: [(Int32, Int32)] = []
    private var touched: [Int32] = []

    init(words: WordCounts, symbolOf: [Int32]) {
        symbols = words.scalars.map { symbolOf[Int($0)] }
        start = (0..<words.count).map { Int32(words.starts[$0]) }
        length = (0..<words.count).map { Int32(words.starts[$0 + 1] - words.starts[$0]) }
        wordCount = words.counts
        pairs = PairCounts(capacity: symbols.count / 4 + 1024)
        countInitialPairs()
    }

    /// tokenizers' `count_pairs`: every pair's weighted count and the words it occurs in,
    /// each pair queued once with all its words.
    private mutating func countInitialPairs() {
        var seen: [Int32] = []  // per pair: words it occurs in
        var last: [Int32] = []
        for w in 0..<start.count where length[w] > 1 {
            let lo = Int(start[w]), hi = lo + Int(length[w])
            for k in lo..<(hi - 1) {
                let p = pairs.index(PairCounts.key(symbols[k], symbols[k + 1]))
                if p == seen.count { seen.append(0); last.append(-1) }
                pairs.counts[p] += wordCount[w]
                if last[p] != Int32(w) { last[p] = Int32(w); seen[p] += 1 }
            }
        }
        // Position lists laid out by pair index (counting sort).
        var next = [Int](repeating: 0, count: seen.count)
        var total = 0
        for p in seen.indices { next[p] = total; total += Int(seen[p]) }
        let base = queue.reservePositions(total)
        for p in last.indices { last[p] = -1 }
        for w in 0..<start.count where length[w] > 1 {
            let lo = Int(start[w]), hi = lo + Int(length[w])
            for k in lo..<(hi - 1) {
                guard let p = pairs.find(PairCounts.key(symbols[k], symbols[k + 1])), last[p] != Int32(w) else { continue }
                last[p] = Int32(w)
                queue.setPosition(base + next[p], Int32(w))
                next[p] += 1
            }
        }
        var items: [MergeCandidate] = []
        items.reserveCapacity(seen.count)
        var offset = base
        for p in seen.indices {
            if pairs.counts[p] > 0 {
                items.append(MergeCandidate(count: pairs.counts[p], key: pairs.keys[p], start: offset, length: Int(seen[p])))
            }
            offset += Int(seen[p])
        }
        queue.build(items)
        lastWord = [Int32](repeating: -1, count: pairs.keys.count)
        formedIn = [Int32](repeating: 0, count: pairs.keys.count)
    }

    /// Merges the candidate's pair into `merged` in each of its words, then queues every pair
    /// that the merge formed, with the words that formed it (tokenizers' `where_to_update`).
    mutating func merge(_ candidate: MergeCandidate, into merged: Int32) {
        let a = Int32(truncatingIfNeeded: candidate.key >> 32), b = Int32(truncatingIfNeeded: candidate.key)
        for k in candidate.start..<(candidate.start + candidate.length) {
            mergeWord(Int(queue.positions[k]), a, b, merged)
        }
        queue.release(candidate)
        var fill: [Int] = []
        fill.reserveCapacity(touched.count)
        for p in touched {
            let p = Int(p)
            if pairs.counts[p] > 0 {
                let n = Int(formedIn[p])
                let at = queue.reservePositions(n)
                fill.append(at)
                queue.push(MergeCandidate(count: pairs.counts[p], key: pairs.keys[p], start: at, length: n))
            } else {
                fill.append(-1)
            }
            formedIn[p] = Int32(fill.count - 1)  // now: index into `fill`
        }
        for (p, w) in formed {
            let slot = Int(formedIn[Int(p)])
            if fill[slot] >= 0 {
                queue.setPosition(fill[slot], w)
                fill[slot] += 1
            }
        }
        for p in touched {
            formedIn[Int(p)] = 0
            lastWord[Int(p)] = -1
        }
        formed.removeAll(keepingCapacity: true)
        touched.removeAll(keepingCapacity: true)
    }

    /// tokenizers' `Word::merge`, in place: each occurrence of `a b` (left to right, not
    /// overlapping) becomes `merged`; the pairs with the symbol before and after change.
    private mutating func mergeWord(_ w: Int, _ a: Int32, _ b: Int32, _ merged: Int32) {
        let lo = Int(start[w]), hi = lo + Int(length[w])
        guard hi - lo > 1 else { return }
        let count = wordCount[w]
        var read = lo, write = lo
        while read < hi {
            let s = symbols[read]
            if s == a && read + 1 < hi && symbols[read + 1] == b {
                if write > lo {
                    let before = symbols[write - 1]
                    change(PairCounts.key(before, a), -count)
                    formedPair(PairCounts.key(before, merged), count, w)
                }
                if read + 2 < hi {
                    let after = symbols[read + 2]
                    change(PairCounts.key(b, after), -count)
                    formedPair(PairCounts.key(merged, after), count, w)
                }
                symbols[write] = merged
                read += 2
            } else {
                symbols[write] = s
                read += 1
            }
            write += 1
        }
        length[w] = Int32(write - lo)
    }

    @inline(__always)
    private mutating func change(_ key: UInt64, _ delta: Int) {
        let p = pairs.index(key)
        if p == lastWord.count { lastWord.append(-1); formedIn.append(0) }
        pairs.counts[p] += delta
    }

    @inline(__always)
    private mutating func formedPair(_ key: UInt64, _ count: Int, _ w: Int) {
        let p = pairs.index(key)
        if p == lastWord.count { lastWord.append(-1); formedIn.append(0) }
        pairs.counts[p] += count
        guard lastWord[p] != Int32(w) else { return }
        lastWord[p] = Int32(w)
        if formedIn[p] == 0 { touched.append(Int32(p)) }
        formedIn[p] += 1
        formed.append((Int32(p), Int32(w)))
    }
}
