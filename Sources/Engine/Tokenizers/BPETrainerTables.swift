/// The trainer's flat tables: symbol pairs packed as `left << 32 | right` in a `UInt64`
/// (so comparing keys compares `(left, right)`), their counts in an open-addressing
/// table, and the merge queue whose entries carry the words to visit.

/// Pair counts keyed by packed pair, each pair with a stable index into `counts`.
struct PairCounts {
    private(set) var keys: [UInt64] = []
    /// Weighted count of each pair (by index); may drop to 0 but stays in the table.
    var counts: [Int] = []
    /// Pair index + 1 per slot (0 = empty); power-of-two capacity, at most half full.
    private var slots: [Int32]
    private var shift: UInt64

    init(capacity: Int) {
        var size = 1024
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        keys.reserveCapacity(capacity)
        counts.reserveCapacity(capacity)
    }

    @inline(__always) static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    @inline(__always) private func firstSlot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The pair's index, if it has been seen.
    func find(_ key: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = firstSlot(key)
        while true {
            let i = Int(slots[slot]) - 1
            if i < 0 { return nil }
            if keys[i] == key { return i }
            slot = (slot + 1) & mask
        }
    }

    /// The pair's index, adding it with count 0 when new.
    @inline(__always)
    mutating func index(_ key: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = firstSlot(key)
        while true {
            let i = Int(slots[slot]) - 1
            if i < 0 { break }
            if keys[i] == key { return i }
            slot = (slot + 1) & mask
        }
        keys.append(key)
        counts.append(0)
        slots[slot] = Int32(keys.count)
        if keys.count * 2 > slots.count { grow() }
        return keys.count - 1
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (i, key) in keys.enumerated() {
            var slot = firstSlot(key)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i + 1)
        }
    }
}

/// One queued merge candidate, as tokenizers' `Merge`: the pair, its count when queued,
/// and the words (a range of `MergeQueue.positions`) where it was seen since its last entry.
struct MergeCandidate {
    var count: Int
    let key: UInt64
    let start: Int
    let length: Int
}

/// Max-queue of candidates: highest count first, ties to the smaller pair (tokenizers'
/// `Ord for Merge`). Counts go stale as merges change them; the trainer re-queues an entry
/// whose count no longer matches when it reaches the top (lazy invalidation).
struct MergeQueue {
    private var heap: [MergeCandidate] = []
    /// Word indices of every entry's position list, back to back.
    private(set) var positions: [Int32] = []
    /// Positions that belong to entries already taken off the queue (reclaimed by `compact`).
    private var dead = 0

    @inline(__always)
    private static func above(_ x: MergeCandidate, _ y: MergeCandidate) -> Bool {
        x.count != y.count ? x.count > y.count : x.key < y.key
    }

    /// Reserves `n` positions at the end, for the caller to fill; returns their start.
    mutating func reservePositions(_ n: Int) -> Int {
        let start = positions.count
        positions.append(contentsOf: repeatElement(0, count: n))
        return start
    }

    mutating func setPosition(_ i: Int, _ word: Int32) { positions[i] = word }

    /// Queues all of `items` at once (heapify).
    mutating func build(_ items: [MergeCandidate]) {
        heap = items
        var i = heap.count / 2
        while i > 0 { i -= 1; siftDown(i) }
    }

    mutating func push(_ item: MergeCandidate) {
        heap.append(item)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.above(heap[i], heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> MergeCandidate? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        let top = heap[0]
        heap[0] = last
        siftDown(0)
        return top
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        let n = heap.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var best = i
            if l < n && Self.above(heap[l], heap[best]) { best = l }
            if r < n && Self.above(heap[r], heap[best]) { best = r }
            if best == i { return }
            heap.swapAt(i, best)
            i = best
        }
    }

    /// Marks a popped entry's positions as no longer needed, and moves the live lists
    /// together once the dead ones outweigh them, so memory stays proportional to the queue.
    mutating func release(_ item: MergeCandidate) {
        dead += item.length
        guard dead > 1 << 20, dead * 2 > positions.count else { return }
        var live: [Int32] = []
        live.reserveCapacity(positions.count - dead)
        for k in heap.indices {
            let e = heap[k]
            heap[k] = MergeCandidate(count: e.count, key: e.key, start: live.count, length: e.length)
            live.append(contentsOf: positions[e.start..<(e.start + e.length)])
        }
        positions = live
        dead = 0
    }
}
