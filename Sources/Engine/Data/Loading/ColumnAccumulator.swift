import Foundation

/// Collects rows (dicts) into per-column value lists while a file is parsed: a key
/// first seen in row k gets k nulls in front, a key missing from a row gets a null
/// (what `datasets` gives for a key missing from some JSON Lines rows). Rows usually
/// list the same keys in the same order, so the column is found by position first.
struct ColumnAccumulator {
    private(set) var names: [String] = []
    private(set) var columns: [[DataValue]] = []
    private(set) var rowCount = 0
    private var position: [String: Int] = [:]

    mutating func add(_ row: DataDict) {
        var seen = 0
        for (i, (key, value)) in row.enumerated() {
            let c: Int
            if i < names.count && names[i] == key { c = i } else if let p = position[key] { c = p } else {
                c = names.count
                position[key] = c; names.append(key)
                columns.append([DataValue](repeating: .null, count: rowCount))
            }
            columns[c].append(value)
            seen += 1
        }
        rowCount += 1
        if seen != names.count {
            for c in columns.indices where columns[c].count < rowCount { columns[c].append(.null) }
        }
    }

    /// Appends another accumulator's rows after these (the parallel chunks, in file order).
    mutating func append(_ other: ColumnAccumulator) {
        for (c, name) in other.names.enumerated() {
            if position[name] == nil {
                position[name] = names.count; names.append(name)
                columns.append([DataValue](repeating: .null, count: rowCount))
            }
            columns[position[name] ?? 0].append(contentsOf: other.columns[c])
        }
        rowCount += other.rowCount
        for c in columns.indices where columns[c].count < rowCount {
            columns[c].append(contentsOf: repeatElement(.null, count: rowCount - columns[c].count))
        }
    }

    /// Infers each column's type and builds the storage, one column per core.
    func build() -> [(String, ColumnData)] {
        var built = [ColumnData?](repeating: nil, count: columns.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: columns.count) { c in
            let col = ColumnData.infer(columns[c])
            lock.lock(); built[c] = col; lock.unlock()
        }
        return zip(names, built).map { ($0, $1 ?? .null(count: rowCount)) }
    }
}
