/// `Dataset.map`, per example and batched, with `datasets`' merge rule: the result's
/// columns are the input columns (minus `remove_columns`), updated by the returned dict,
/// followed by the returned dict's new keys. The function sees the removed columns too.
extension Dataset {
    /// `ds.map(fn, remove_columns=...)`: `transform` gets each row and returns a dict of
    /// updates, or nil to leave the row as it is (a function returning None).
    public func map(removeColumns: [String] = [], _ transform: (DataDict) throws -> DataDict?) throws -> Dataset {
        try checkRemovable(removeColumns)
        var out: [DataDict] = []
        out.reserveCapacity(numRows)
        for i in 0..<numRows {
            let input = try row(i)
            let update = try transform(input)
            out.append(merge(input: input, update: update, removing: removeColumns))
        }
        if out.isEmpty { return try self.removeColumns(removeColumns) }
        return try Dataset.fromList(out)
    }

    /// `ds.map(fn, batched=True, batch_size=1000, remove_columns=...)`: `transform` gets a
    /// dict of lists over up to `batchSize` rows and returns a dict of lists (or nil). A
    /// batch may come back with a different number of rows only when no input column
    /// survives unchanged beside it, as in `datasets`.
    public func mapBatched(batchSize: Int? = 1000, removeColumns: [String] = [],
                           _ transform: (DataDict) throws -> DataDict?) throws -> Dataset {
        try checkRemovable(removeColumns)
        let size = (batchSize ?? 0) <= 0 ? max(numRows, 1) : batchSize ?? 1
        var names: [String] = []
        var values: [[DataValue]] = []
        var start = 0
        while start < numRows {
            let end = min(start + size, numRows)
            let batch = try rows(Array(start..<end))
            let update = try transform(batch)
            let merged = merge(input: batch, update: update, removing: removeColumns)
            var length: Int? = nil
            for (k, v) in merged {
                guard case let .list(items) = v else {
                    throw DataError.type("Provided `function` which is applied to all elements of table returns a `dict` of types [\(v.pythonTypeName)]. When using `batched=True`, make sure provided `function` returns a `dict` of types like `(<class 'list'>, <class 'numpy.ndarray'>, <class 'pandas.Series'>)`.")
                }
                if let l = length, l != items.count {
                    throw DataError(.arrowInvalid, "Column lengths mismatch in a batch of map: column '\(k)' has \(items.count) values but another column has \(l). If the function changes the number of rows, remove the input columns with remove_columns.")
                }
                length = items.count
                if let c = names.firstIndex(of: k) { values[c].append(contentsOf: items) } else {
                    if start > 0 { throw DataError.value("map: column '\(k)' appears in a later batch but not in the first one") }
                    names.append(k); values.append(items)
                }
            }
            start = end
        }
        if numRows == 0 { return try self.removeColumns(removeColumns) }
        return try Dataset(columns: zip(names, values).map { ($0, try ColumnData.inferStrict($1)) })
    }

    private func checkRemovable(_ names: [String]) throws {
        let missing = names.filter { !columnNames.contains($0) }
        if !missing.isEmpty {
            throw DataError.value("Column to remove \(pythonList(missing)) not in the dataset. Current columns in the dataset: \(pythonList(columnNames))")
        }
    }

    private func merge(input: DataDict, update: DataDict?, removing: [String]) -> DataDict {
        var merged = input
        for name in removing { merged[name] = nil }
        if let update { for (k, v) in update { merged[k] = v } }
        return merged
    }
}
