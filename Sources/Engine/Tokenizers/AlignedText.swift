/// Text flowing through a tokenizer pipeline: Unicode scalars, each with the range
/// of original scalars it came from (so every token gets its span in the caller's
/// text, as `return_offsets_mapping` gives), and the pre-tokenized pieces.
///
/// One buffer holds the whole segment; splitting pre-tokenizers only refine
/// `pieces`, and transforming stages (byte-level mapping, replacements) rebuild
/// the buffer once. This keeps encoding to a few allocations per call.
struct AlignedText {
    var scalars: [UInt32]
    /// Original scalar range of each scalar: `starts[i]..<ends[i]`.
    var starts: [Int32]
    var ends: [Int32]
    /// Pre-tokenized pieces: sorted, non-overlapping, non-empty ranges of `scalars`.
    var pieces: [Range<Int>]

    init(original: UnsafeBufferPointer<UInt32>, range: Range<Int>) {
        scalars = Array(original[range])
        starts = []
        ends = []
        starts.reserveCapacity(range.count)
        ends.reserveCapacity(range.count)
        for i in range {
            starts.append(Int32(i))
            ends.append(Int32(i + 1))
        }
        pieces = range.isEmpty ? [] : [0..<range.count]
    }

    init(_ text: String) {
        let s = text.unicodeScalars.map(\.value)
        self = s.withUnsafeBufferPointer { AlignedText(original: $0, range: 0..<$0.count) }
    }

    init() {
        scalars = []; starts = []; ends = []; pieces = []
    }

    var count: Int { scalars.count }
    var isEmpty: Bool { scalars.isEmpty }

    var string: String {
        var s = String.UnicodeScalarView()
        for c in scalars { if let u = Unicode.Scalar(c) { s.append(u) } }
        return String(s)
    }

    func string(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        for c in scalars[range] { if let u = Unicode.Scalar(c) { s.append(u) } }
        return String(s)
    }

    /// Appends a scalar carrying the alignment `start..<end`.
    @inline(__always)
    mutating func append(_ c: UInt32, start: Int32, end: Int32) {
        scalars.append(c)
        starts.append(start)
        ends.append(end)
    }

    mutating func reserve(_ n: Int) {
        scalars.reserveCapacity(n)
        starts.reserveCapacity(n)
        ends.reserveCapacity(n)
    }

    /// Original span of the scalars `range` (tokenizers' Normalized → Original offsets).
    func originalSpan(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < count ? Int(starts[range.lowerBound]) : (count > 0 ? Int(ends[count - 1]) : 0)
            return at..<at
        }
        let s = Int(starts[range.lowerBound]), e = Int(ends[range.upperBound - 1])
        return s..<max(s, e)
    }

    /// Rewrites every scalar through `transform`, which appends zero or more scalars to
    /// `out` for scalar `c` (each inheriting its alignment); pieces are carried over.
    mutating func rewrite(_ transform: (_ c: UInt32, _ out: inout [UInt32]) -> Void) {
        var result = AlignedText()
        result.reserve(count)
        var buffer: [UInt32] = []
        var newPieces: [Range<Int>] = []
        newPieces.reserveCapacity(pieces.count)
        for piece in pieces {
            let lo = result.count
            for i in piece {
                buffer.removeAll(keepingCapacity: true)
                transform(scalars[i], &buffer)
                for c in buffer { result.append(c, start: starts[i], end: ends[i]) }
            }
            if result.count > lo { newPieces.append(lo..<result.count) }
        }
        result.pieces = newPieces
        self = result
    }
}

/// How a split pattern's matches become pieces (tokenizers' `SplitDelimiterBehavior`).
enum SplitBehavior: String {
    case removed = "Removed"
    case isolated = "Isolated"
    case mergedWithPrevious = "MergedWithPrevious"
    case mergedWithNext = "MergedWithNext"
    case contiguous = "Contiguous"

    /// Pieces of `lo..<hi` given the pattern's matches there (sorted, non-overlapping),
    /// following tokenizers' `NormalizedString::split`; empty pieces are dropped.
    func split(_ lo: Int, _ hi: Int, matches: [Range<Int>], invert: Bool, into out: inout [Range<Int>]) {
        // (range, isMatch) covering lo..<hi, as `Pattern::find_matches` returns.
        var parts: [(Range<Int>, Bool)] = []
        parts.reserveCapacity(matches.count * 2 + 1)
        var prev = lo
        for m in matches {
            if prev != m.lowerBound { parts.append((prev..<m.lowerBound, invert)) }
            parts.append((m, !invert))
            prev = m.upperBound
        }
        if prev != hi { parts.append((prev..<hi, invert)) }

        var result: [(Range<Int>, Bool)] = []  // (range, remove)
        switch self {
        case .isolated:
            result = parts.map { ($0.0, false) }
        case .removed:
            result = parts
        case .contiguous:
            var previousMatch = false
            for (r, isMatch) in parts {
                if isMatch == previousMatch, let last = result.last {
                    result[result.count - 1] = (last.0.lowerBound..<r.upperBound, false)
                } else {
                    result.append((r, false))
                }
                previousMatch = isMatch
            }
        case .mergedWithPrevious:
            var previousMatch = false
            for (r, isMatch) in parts {
                if isMatch && !previousMatch, let last = result.last {
                    result[result.count - 1] = (last.0.lowerBound..<r.upperBound, false)
                } else {
                    result.append((r, false))
                }
                previousMatch = isMatch
            }
        case .mergedWithNext:
            var previousMatch = false
            for (r, isMatch) in parts.reversed() {
                if isMatch && !previousMatch, let last = result.last {
                    result[result.count - 1] = (r.lowerBound..<last.0.upperBound, false)
                } else {
                    result.append((r, false))
                }
                previousMatch = isMatch
            }
            result.reverse()
        }
        for (r, remove) in result where !remove && !r.isEmpty { out.append(r) }
    }
}
