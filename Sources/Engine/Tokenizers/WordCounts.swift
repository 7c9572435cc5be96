/// The distinct pre-tokenized words of a training corpus with their counts (what
/// tokenizers' `BpeTrainer::feed` collects into a `HashMap<String, u64>`).
///
/// Counting a 10 MB corpus means millions of lookups of short words; making a `String`
/// per piece and hashing it through `Dictionary` dominated training. Here the words are
/// runs of scalars in one arena, found through an open-addressing table of word indices,
/// so a lookup hashes the scalars where they lie and allocates nothing.
public struct WordCounts {
    /// Scalars of every distinct word, back to back: word `i` is `scalars[starts[i]..<starts[i + 1]]`.
    private(set) var scalars: [UInt32] = []
    private(set) var starts: [Int] = [0]
    /// Occurrences of each word.
    private(set) var counts: [Int] = []
    private var hashes: [UInt64] = []
    /// Word index + 1 per slot (0 = empty); the capacity is a power of two kept at least
    /// twice the number of words.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)

    public init() {}

    /// Distinct words.
    public var count: Int { counts.count }

    /// Scalar range of word `i` in `scalars`.
    func range(_ i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }

    public func word(_ i: Int) -> String {
        var s = String.UnicodeScalarView()
        for c in scalars[range(i)] { if let u = Unicode.Scalar(c) { s.append(u) } }
        return String(s)
    }

    /// Every word with its count (for tests and small corpora).
    public var dictionary: [String: Int] {
        var d: [String: Int] = [:]
        for i in 0..<count { d[word(i)] = counts[i] }
        return d
    }

    /// Counts the word `text[range]` `times` more times.
    public mutating func add(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, times: Int = 1) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range { h = (h ^ UInt64(text[i])) &* 0x0000_0100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let found = Int(slots[slot]) - 1
            if found < 0 { break }
            if hashes[found] == h && sameScalars(found, text, range) {
                counts[found] += times
                return
            }
            slot = (slot + 1) & mask
        }
        scalars.append(contentsOf: text[range])
        starts.append(scalars.count)
        counts.append(times)
        hashes.append(h)
        slots[slot] = Int32(counts.count)
        if counts.count * 2 > slots.count { grow() }
    }

    private func sameScalars(_ i: Int, _ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
        let lo = starts[i]
        guard starts[i + 1] - lo == range.count else { return false }
        var k = lo
        for j in range {
            if scalars[k] != text[j] { return false }
            k += 1
        }
        return true
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (i, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(i + 1)
        }
        slots = bigger
    }
}
