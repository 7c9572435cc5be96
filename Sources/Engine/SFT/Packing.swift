/// Packing of tokenized examples into rows of at most `seqLength` tokens, exactly as TRL's
/// `pack_dataset` does (trl/data_utils.py), including its batching: `Dataset.map(batched=True)`
/// hands the packer 1,000 examples at a time, so examples only share a row with others of the
/// same batch of 1,000.
public enum Packing {
    public enum Strategy: String, Sendable {
        /// Best-fit decreasing: whole documents (truncated to `seqLength`) placed into rows;
        /// each row remembers its documents' lengths so attention and positions restart per document.
        case bfd
        /// Concatenate everything and cut every `seqLength` tokens.
        case wrapped
    }

    /// One packed row: the columns' tokens concatenated, and the length of each document in it.
    public struct Row: Equatable, Sendable {
        public var columns: [[Int]]
        /// Lengths of the documents in this row, in order (bfd); one entry for wrapped rows.
        public var sequenceLengths: [Int]
    }

    /// The result, plus how many tokens truncation dropped (bfd) — reported to the user.
    public struct Result: Equatable, Sendable {
        public var rows: [Row]
        public var droppedTokens: Int
    }

    /// `columns[c][i]` is example i's token list for column c (e.g. input_ids, labels); all
    /// columns of an example have the same length.
    public static func pack(columns: [[[Int]]], seqLength: Int, strategy: Strategy, mapBatchSize: Int = 1000) -> Result {
        precondition(seqLength > 0 && !columns.isEmpty)
        let count = columns[0].count
        var result = Result(rows: [], droppedTokens: 0)
        var start = 0
        while start < count {
            let end = min(start + mapBatchSize, count)
            let batch = columns.map { Array($0[start..<end]) }
            let packed = strategy == .bfd ? bestFitDecreasing(batch, seqLength: seqLength) : wrapped(batch, seqLength: seqLength)
            result.rows += packed.rows
            result.droppedTokens += packed.droppedTokens
            start = end
        }
        return result
    }

    static func bestFitDecreasing(_ columns: [[[Int]]], seqLength: Int) -> Result {
        var dropped = 0
        // Empty sequences are filtered out, the rest truncated to seqLength.
        var ids: [Int] = []
        var lengths: [Int] = []
        for (i, seq) in columns[0].enumerated() where !seq.isEmpty {
            ids.append(i)
            lengths.append(min(seq.count, seqLength))
            dropped += max(0, seq.count - seqLength)
        }
        // Sort by length, descending; a stable sort keeps equal lengths in their original order (as Arrow's sort).
        let order = (0..<ids.count).sorted { a, b in lengths[a] != lengths[b] ? lengths[a] > lengths[b] : a < b }
        var tree = SegmentTree(maxValue: seqLength)
        tree.add(seqLength)
        var spaceToBins: [Int: [Int]] = [:]  // remaining space → queue of bin indices (FIFO)
        var bins: [(members: [Int], length: Int)] = []
        for k in order {
            let length = lengths[k]
            var space = tree.search(length)
            let bin: Int
            if space < seqLength {
                bin = spaceToBins[space]!.removeFirst()
            } else {
                bin = bins.count
                bins.append(([], 0))
            }
            bins[bin].members.append(k)
            bins[bin].length += length
            if space < seqLength && spaceToBins[space]!.isEmpty { tree.remove(space) }
            space -= length
            spaceToBins[space, default: []].append(bin)
            if space > 0 { tree.add(space) }
        }
        let rows = bins.map { bin -> Row in
            let cols = columns.map { column in bin.members.flatMap { column[ids[$0]].prefix(seqLength) } }
            return Row(columns: cols, sequenceLengths: bin.members.map { lengths[$0] })
        }
        return Result(rows: rows, droppedTokens: dropped)
    }

    static func wrapped(_ columns: [[[Int]]], seqLength: Int) -> Result {
        let flat = columns.map { $0.flatMap { $0 } }
        var rows: [Row] = []
        var start = 0
        while start < flat[0].count {
            let end = min(start + seqLength, flat[0].count)
            rows.append(Row(columns: flat.map { Array($0[start..<end]) }, sequenceLengths: [end - start]))
            start = end
        }
        return Result(rows: rows, droppedTokens: 0)
    }

    /// Finds the smallest stored value ≥ a query in O(log n): the "best fit" among open bins' free spaces.
    struct SegmentTree {
        let maxValue: Int
        let size: Int
        var tree: [Int]

        init(maxValue: Int) {
            self.maxValue = maxValue
            var size = 1
            while size < maxValue { size <<= 1 }
            self.size = size
            tree = [Int](repeating: 0, count: 2 * size)
        }

        mutating func add(_ value: Int) { set(value, value) }
        mutating func remove(_ value: Int) { set(value, 0) }

        private mutating func set(_ value: Int, _ stored: Int) {
            var i = size + value - 1
            tree[i] = stored
            while i > 1 {
                i >>= 1
                tree[i] = max(tree[2 * i], tree[2 * i + 1])
            }
        }

        func search(_ value: Int) -> Int {
            var i = 1
            while i < size { i = tree[2 * i] >= value ? 2 * i : 2 * i + 1 }
            return tree[i]
        }
    }
}
