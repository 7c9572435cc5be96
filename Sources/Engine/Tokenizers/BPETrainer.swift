/// Byte-pair-encoding training as tokenizers' `BpeTrainer` does it, so the same corpus
/// and settings give the same merges and ids:
/// - ids: special tokens first, then the alphabet (every scalar of the words plus the
///   initial alphabet) in code-point order, then one token per merge;
/// - each step merges the most frequent adjacent pair over all words (weighted by word
///   count); ties go to the pair with the smaller (left id, right id);
/// - training stops at `vocabSize`, or when the best count is below `minFrequency` (or 0).
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
        public var vocab: [String: Int]
        public var merges: [(String, String)]
        /// Tokens in id order.
        public var tokens: [String]
    }

    /// Trains on pre-tokenized words with their counts.
    public func train(wordCounts: [String: Int]) -> Result {
        var tokens: [String] = []
        var ids: [String: Int] = [:]
        func intern(_ s: String) -> Int {
            if let id = ids[s] { return id }
            tokens.append(s)
            ids[s] = tokens.count - 1
            return tokens.count - 1
        }
        for s in specialTokens { _ = intern(s) }
        var alphabet = Set<UInt32>()
        for word in wordCounts.keys { for u in word.unicodeScalars { alphabet.insert(u.value) } }
        for s in initialAlphabet { for u in s.unicodeScalars { alphabet.insert(u.value) } }
        for c in alphabet.sorted() { if let u = Unicode.Scalar(c) { _ = intern(String(Character(u))) } }

        // Words as symbol ids, in a fixed order (counts make the order irrelevant to the result).
        let entries = wordCounts.sorted { $0.key < $1.key }
        var words: [[Int]] = entries.map { w in w.key.unicodeScalars.compactMap { ids[String(Character($0))] } }
        let counts: [Int] = entries.map(\.value)

        var pairCounts: [PairKey: Int] = [:]
        var wherePair: [PairKey: Set<Int>] = [:]
        for (w, word) in words.enumerated() where word.count > 1 {
            for k in 0..<(word.count - 1) {
                let p = PairKey(word[k], word[k + 1])
                pairCounts[p, default: 0] += counts[w]
                wherePair[p, default: []].insert(w)
            }
        }
        var heap = MergeHeap()
        for (p, c) in pairCounts where c > 0 { heap.push(c, p) }

        var merges: [(String, String)] = []
        while tokens.count < vocabSize, let (count, pair) = heap.pop() {
            let current = pairCounts[pair] ?? 0
            if count != current {
                if current > 0 { heap.push(current, pair) }
                continue
            }
            if count < 1 || count < minFrequency { break }
            let merged = intern(tokens[pair.a] + tokens[pair.b])
            merges.append((tokens[pair.a], tokens[pair.b]))
            var touched: [PairKey: Int] = [:]  // pairs whose count grew, to re-queue
            for w in (wherePair[pair] ?? []).sorted() {
                let word = words[w]
                guard word.count > 1 else { continue }
                var out: [Int] = []
                out.reserveCapacity(word.count)
                var k = 0
                var changed = false
                while k < word.count {
                    if k + 1 < word.count && word[k] == pair.a && word[k + 1] == pair.b {
                        out.append(merged); k += 2; changed = true
                    } else {
                        out.append(word[k]); k += 1
                    }
                }
                guard changed else { continue }
                var delta: [PairKey: Int] = [:]
                for k in 0..<(word.count - 1) { delta[PairKey(word[k], word[k + 1]), default: 0] -= 1 }
                for k in 0..<max(0, out.count - 1) { delta[PairKey(out[k], out[k + 1]), default: 0] += 1 }
                for (p, d) in delta where d != 0 {
                    pairCounts[p, default: 0] += d * counts[w]
                    if d > 0 { wherePair[p, default: []].insert(w); touched[p] = 1 }
                }
                words[w] = out
            }
            for p in touched.keys { if let c = pairCounts[p], c > 0 { heap.push(c, p) } }
        }
        return Result(vocab: ids, merges: merges, tokens: tokens)
    }
}

struct PairKey: Hashable, Comparable {
    let a: Int, b: Int
    init(_ a: Int, _ b: Int) { self.a = a; self.b = b }
    static func < (l: PairKey, r: PairKey) -> Bool { (l.a, l.b) < (r.a, r.b) }
}

/// Max-heap on (count, then smaller pair first).
struct MergeHeap {
    private var items: [(Int, PairKey)] = []

    private static func above(_ x: (Int, PairKey), _ y: (Int, PairKey)) -> Bool {
        x.0 != y.0 ? x.0 > y.0 : x.1 < y.1
    }

    mutating func push(_ count: Int, _ pair: PairKey) {
        items.append((count, pair))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.above(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Int, PairKey)? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var best = i
                if l < items.count && Self.above(items[l], items[best]) { best = l }
                if r < items.count && Self.above(items[r], items[best]) { best = r }
                if best == i { break }
                items.swapAt(i, best)
                i = best
            }
        }
        return top
    }
}
