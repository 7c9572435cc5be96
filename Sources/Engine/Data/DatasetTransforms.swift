import Foundation

/// `datasets`' row-reordering and column-editing transforms. Reordering composes the
/// index mapping; column edits touch only the column list.
extension Dataset {
    /// `ds.select(indices)`: rows in the given order (negative indices are an error, as in `datasets`).
    public func select(_ rowIndices: [Int]) throws -> Dataset {
        let n = numRows
        for i in rowIndices where i < 0 || i >= n {
            throw DataError.index("Index \(i) out of range for dataset of size \(n).")
        }
        return Dataset(names: columnNames, columns: columns, indices: rowIndices.map(storageRow))
    }

    /// `ds.filter(fn)`: the rows for which `predicate(row)` is true, in order. The
    /// predicate may throw (a Python exception in a script function), which stops the filter.
    public func filter(_ predicate: (DataDict) throws -> Bool) throws -> Dataset {
        var kept: [Int] = []
        for i in 0..<numRows where try predicate(try row(i)) { kept.append(storageRow(i)) }
        return Dataset(names: columnNames, columns: columns, indices: kept)
    }

    /// `ds.filter(fn, batched=True, batch_size=1000)`: `predicate` gets a dict of lists
    /// and returns one keep-flag per row of the batch.
    public func filterBatched(batchSize: Int? = 1000, _ predicate: (DataDict) throws -> [Bool]) throws -> Dataset {
        let size = (batchSize ?? 0) <= 0 ? max(numRows, 1) : batchSize ?? 1
        var kept: [Int] = []
        var start = 0
        while start < numRows {
            let end = min(start + size, numRows)
            let flags = try predicate(try rows(Array(start..<end)))
            guard flags.count == end - start else {
                throw DataError.value("filter: the function returned \(flags.count) values for a batch of \(end - start) rows; it must return one bool per row")
            }
            for (k, keep) in flags.enumerated() where keep { kept.append(storageRow(start + k)) }
            start = end
        }
        return Dataset(names: columnNames, columns: columns, indices: kept)
    }

    /// `ds.shuffle(seed=s)`: the order of `np.random.default_rng(s).permutation(n)`.
    /// Without a seed, a fresh random one (as `datasets` draws one from numpy's global state).
    public func shuffle(seed: UInt64?) -> Dataset {
        if numRows == 0 { return self }
        var rng = NumpyGenerator(seed: seed ?? UInt64.random(in: 0...UInt64(UInt32.max)))
        let perm = rng.permutation(numRows)
        return Dataset(names: columnNames, columns: columns, indices: perm.map(storageRow))
    }

    /// A split size given to `train_test_split`: an absolute count (Python int) or a
    /// fraction in (0, 1) (Python float).
    public enum SplitSize: Equatable, Sendable {
        case count(Int)
        case fraction(Double)
    }

    /// `ds.train_test_split(test_size=None, train_size=None, shuffle=True, seed=None)` with
    /// `datasets`' rules: test = ceil(fraction·n) or the count, train = floor(fraction·n),
    /// the count, or the rest; with shuffling, test rows are the first n_test of
    /// `default_rng(seed).permutation(n)` and train rows the next n_train.
    public func trainTestSplit(testSize: SplitSize? = nil, trainSize: SplitSize? = nil,
                               shuffle: Bool = true, seed: UInt64? = nil) throws -> DatasetDict {
        let n = numRows
        if n == 0 { return DatasetDict([("train", self), ("test", self)]) }
        let testSize = (testSize == nil && trainSize == nil) ? .fraction(0.25) : testSize
        func check(_ s: SplitSize?, _ name: String) throws {
            switch s {
            case let .count(c)? where c >= n || c <= 0:
                throw DataError.value("\(name)=\(c) should be either positive and smaller than the number of samples \(n) or a float in the (0, 1) range")
            case let .fraction(f)? where f <= 0 || f >= 1:
                throw DataError.value("\(name)=\(pythonFloat(f)) should be either positive and smaller than the number of samples \(n) or a float in the (0, 1) range")
            default: break
            }
        }
        try check(testSize, "test_size"); try check(trainSize, "train_size")
        if case let .fraction(a)? = trainSize, case let .fraction(b)? = testSize, a + b > 1 {
            throw DataError.value("The sum of test_size and train_size = \(pythonFloat(a + b)), should be in the (0, 1) range. Reduce test_size and/or train_size.")
        }
        func absolute(_ s: SplitSize?, roundUp: Bool) -> Int? {
            switch s {
            case let .count(c)?: return c
            case let .fraction(f)?: return Int(roundUp ? (f * Double(n)).rounded(.up) : (f * Double(n)).rounded(.down))
            case nil: return nil
            }
        }
        var nTest = absolute(testSize, roundUp: true)
        var nTrain = absolute(trainSize, roundUp: false)
        if nTrain == nil { nTrain = n - (nTest ?? 0) } else if nTest == nil { nTest = n - (nTrain ?? 0) }
        let train = nTrain ?? 0, test = nTest ?? 0
        if train + test > n {
            throw DataError.value("The sum of train_size and test_size = \(train + test), should be smaller than the number of samples \(n). Reduce test_size and/or train_size.")
        }
        if train == 0 {
            throw DataError.value("With n_samples=\(n), test_size=\(sizeRepr(testSize)) and train_size=\(sizeRepr(trainSize)), the resulting train set will be empty. Adjust any of the aforementioned parameters.")
        }
        let testRows: [Int], trainRows: [Int]
        if shuffle {
            var rng = NumpyGenerator(seed: seed ?? UInt64.random(in: 0...UInt64(UInt32.max)))
            let perm = rng.permutation(n)
            testRows = Array(perm[0..<test]); trainRows = Array(perm[test..<(test + train)])
        } else {
            trainRows = Array(0..<train); testRows = Array(train..<(train + test))
        }
        return DatasetDict([("train", try select(trainRows)), ("test", try select(testRows))])
    }

    private func sizeRepr(_ s: SplitSize?) -> String {
        switch s {
        case let .count(c)?: return String(c)
        case let .fraction(f)?: return pythonFloat(f)
        case nil: return "None"
        }
    }

    /// `ds.sort(column, reverse=False)`: a stable sort (ties keep their order), nulls
    /// last in both directions, strings by code point as Arrow compares them.
    public func sort(_ column: String, reverse: Bool = false) throws -> Dataset {
        guard columnNames.contains(column) else {
            throw DataError.value("Column \(pythonStringRepr(column)) not found in the dataset. Please provide a column selected in: \(pythonList(columnNames))")
        }
        let values = try self.column(column)
        let key: (Int, Int) -> Bool   // strict "a before b" over non-null values
        switch columns[columnNames.firstIndex(of: column) ?? 0].dataType {
        case .null: return self
        case .int64, .float64, .bool:
            let nums = values.map { v -> Double in
                switch v { case let .int(x): return Double(x); case let .double(x): return x; case let .bool(b): return b ? 1 : 0; default: return 0 }
            }
            key = { nums[$0] < nums[$1] }
        case .string, .largeString:
            let strs = values.map { v -> [UInt8] in if case let .string(s) = v { return Array(s.utf8) }; return [] }
            key = { strs[$0].lexicographicallyPrecedes(strs[$1]) }
        case let t:
            throw DataError(.arrowInvalid, "Sorting by column '\(column)' of type \(t.featureRepr) is not supported")
        }
        var valid = (0..<numRows).filter { !values[$0].isNull }
        let nulls = (0..<numRows).filter { values[$0].isNull }
        valid.sort { a, b in
            let before = reverse ? key(b, a) : key(a, b)
            let after = reverse ? key(a, b) : key(b, a)
            return before || (!after && a < b)
        }
        return try select(valid + nulls)
    }

    /// `ds.rename_column(old, new)`.
    public func renameColumn(_ old: String, to new: String) throws -> Dataset {
        guard let i = columnNames.firstIndex(of: old) else {
            throw DataError.value("Original column name \(old) not in the dataset. Current columns in the dataset: \(pythonList(columnNames))")
        }
        if columnNames.contains(new) {
            throw DataError.value("New column name \(new) already in the dataset. Please choose a column name which is not already in the dataset. Current columns in the dataset: \(pythonList(columnNames))")
        }
        var names = columnNames; names[i] = new
        return Dataset(names: names, columns: columns, indices: indices)
    }

    /// `ds.remove_columns(names)`.
    public func removeColumns(_ names: [String]) throws -> Dataset {
        let missing = names.filter { !columnNames.contains($0) }
        if !missing.isEmpty {
            throw DataError.value("Column name \(pythonList(missing)) not in the dataset. Current columns in the dataset: \(pythonList(columnNames))")
        }
        let keep = columnNames.indices.filter { !names.contains(columnNames[$0]) }
        return Dataset(names: keep.map { columnNames[$0] }, columns: keep.map { columns[$0] }, indices: indices)
    }

    /// `ds.select_columns(names)`: those columns, in the order given.
    public func selectColumns(_ names: [String]) throws -> Dataset {
        let missing = names.filter { !columnNames.contains($0) }
        if !missing.isEmpty {
            throw DataError.value("Column name \(pythonList(missing)) not in the dataset. Current columns in the dataset: \(pythonList(columnNames)).")
        }
        let picked = names.compactMap { columnNames.firstIndex(of: $0) }
        return Dataset(names: names, columns: picked.map { columns[$0] }, indices: indices)
    }

    /// `ds.flatten()`: every struct (dict) column becomes one column per field, named
    /// "column.field", recursively, as Arrow's `Table.flatten`; a null struct row gives null
    /// fields. Lists of structs stay as they are.
    public func flatten() -> Dataset {
        var names: [String] = [], flat: [ColumnData] = []
        func add(_ name: String, _ column: ColumnData) {
            guard case let .structure(fieldNames, fields, count, validity) = column else {
                names.append(name); flat.append(column)
                return
            }
            for (field, child) in zip(fieldNames, fields) {
                guard let validity else { add(name + "." + field, child); continue }
                add(name + "." + field, ColumnData.build(child.dataType, (0..<count).map { validity[$0] ? child.value(at: $0) : .null }))
            }
        }
        for (name, column) in zip(columnNames, columns) { add(name, column) }
        return Dataset(names: names, columns: flat, indices: indices)
    }

    /// `ds.unique(column)`: distinct values in order of first occurrence (null included).
    /// As in datasets, a reordering that keeps every row (a shuffle, a sort) is not applied
    /// first: the order is then that of the stored table.
    public func unique(_ column: String) throws -> [DataValue] {
        guard let c = columnNames.firstIndex(of: column) else {
            throw DataError.value("Column (\(column)) not in table columns (\(pythonList(columnNames))).")
        }
        let col = columns[c]
        let rows = numRows == col.count ? Array(0..<col.count) : (0..<numRows).map(storageRow)
        var out: [DataValue] = []
        var seen = Set<DataValue>()
        for r in rows { let v = col.value(at: r); if seen.insert(v).inserted { out.append(v) } }
        return out
    }

    /// `ds.add_column(name, values)`.
    public func addColumn(_ name: String, _ values: [DataValue]) throws -> Dataset {
        if columnNames.contains(name) {
            throw DataError.value("The table can't have duplicated columns but columns \(pythonList([name])) are duplicated.")
        }
        guard values.count == numRows else {
            throw DataError.value("Failed to concatenate on axis=1 because tables don't have the same number of rows: the dataset has \(numRows) rows, the new column \(values.count)")
        }
        let base = materializedColumns()
        return Dataset(names: columnNames + [name], columns: base + [try ColumnData.inferStrict(values)], indices: nil)
    }
}

/// Python's repr of a float (Swift's shortest round-trip form matches it: `0.1`, `100.0`, `1e-05`).
func pythonFloat(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return "\(x)"
}
