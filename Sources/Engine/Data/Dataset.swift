/// The engine side of `datasets.Dataset`.
///
/// Public API (the interpreter's `datasets` module binds these; Python name → Swift):
///   load_dataset(...)            `DatasetLoader.load(LoadOptions)` → `.dataset` / `.datasetDict`
///   Dataset.from_list / from_dict `Dataset.fromList(_:)`, `Dataset.fromDict(_:)`
///   concatenate_datasets         `Dataset.concatenate(_:)`
///   len(ds), ds.num_rows         `numRows`;  ds.column_names → `columnNames`
///   ds.features (repr)           `features.description`;  repr(ds) → `description`
///   ds[i], ds["col"], ds[a:b]    `row(_:)`, `column(_:)`, `rows(_:)` (dict of lists)
///   ds.to_list / to_dict         `toList()`, `toDict()`;  ds.to_json(path) → `toJSON(path:)`
///   ds.map(fn, batched=...)      `map(removeColumns:_:)`, `mapBatched(batchSize:removeColumns:_:)`
///   ds.filter(fn, batched=...)   `filter(_:)`, `filterBatched(batchSize:_:)`
///   ds.select / shuffle / sort   `select(_:)`, `shuffle(seed:)`, `sort(_:reverse:)`
///   ds.train_test_split(...)     `trainTestSplit(testSize:trainSize:shuffle:seed:)`
///   column edits                 `renameColumn`, `removeColumns`, `selectColumns`, `addColumn`, `unique`
///   typed storage for consumers  `columnData(_:)` (tokenization, packing)
/// Errors are `DataError`s whose `kind` names the Python exception `datasets` raises.
/// Every transform returns a new `Dataset`; like `datasets`, reordering transforms
/// (`select`, `shuffle`, `filter`, `sort`) only build an index mapping over the shared
/// columns, so shuffling a large set costs one `[Int]`.
public struct Dataset: Sendable, CustomStringConvertible {
    public private(set) var columnNames: [String]
    private(set) var columns: [ColumnData]
    /// Row i of the data set is row `indices[i]` of the columns (nil = identity).
    private(set) var indices: [Int]?

    /// A data set over columns of equal length.
    public init(columns named: [(String, ColumnData)]) throws {
        var seen = Set<String>()
        for (name, _) in named where !seen.insert(name).inserted {
            throw DataError.value("duplicate column name '\(name)'")
        }
        if let first = named.first, let bad = named.firstIndex(where: { $0.1.count != first.1.count }) {
            throw DataError(.arrowInvalid, "Column \(bad) named \(named[bad].0) expected length \(first.1.count) but got length \(named[bad].1.count)")
        }
        columnNames = named.map(\.0); columns = named.map(\.1); indices = nil
    }

    init(names: [String], columns: [ColumnData], indices: [Int]?) {
        columnNames = names; self.columns = columns; self.indices = indices
    }

    /// `Dataset.from_list(rows)`: the columns are the FIRST row's keys (as in `datasets`,
    /// which ignores keys that appear only in later rows); a key missing from a later row
    /// is null there.
    public static func fromList(_ rows: [DataDict]) throws -> Dataset {
        guard let first = rows.first else { return Dataset(names: [], columns: [], indices: nil) }
        var columns: [ColumnData] = []
        for name in first.keys {
            columns.append(try ColumnData.inferStrict(rows.map { $0[name] ?? .null }))
        }
        return Dataset(names: first.keys, columns: columns, indices: nil)
    }

    /// `Dataset.from_dict({"col": [values], ...})`.
    public static func fromDict(_ dict: DataDict) throws -> Dataset {
        var named: [(String, ColumnData)] = []
        for (k, v) in dict {
            guard case let .list(items) = v else {
                throw DataError.type("'\(v.pythonTypeName)' object is not iterable")
            }
            named.append((k, try ColumnData.inferStrict(items)))
        }
        return try Dataset(columns: named)
    }

    public var numRows: Int { indices?.count ?? columns.first?.count ?? 0 }

    public var features: Features { Features(names: columnNames, types: columns.map(\.dataType)) }

    /// `Dataset({\n    features: ['text', 'label'],\n    num_rows: 3\n})`
    public var description: String { repr(indent: "") }

    func repr(indent: String) -> String {
        "Dataset({\n\(indent)    features: \(pythonList(columnNames)),\n\(indent)    num_rows: \(numRows)\n\(indent)})"
    }

    /// The storage row behind data-set row i.
    @inline(__always) func storageRow(_ i: Int) -> Int { indices?[i] ?? i }

    /// `ds[i]` for 0 ≤ i < numRows (negative indices count from the end, as in Python).
    public func row(_ index: Int) throws -> DataDict {
        let i = index < 0 ? index + numRows : index
        guard i >= 0 && i < numRows else {
            throw DataError.index("Invalid key: \(index) is out of bounds for size \(numRows)")
        }
        let r = storageRow(i)
        return DataDict(uniqueKeys: columnNames, values: columns.map { $0.value(at: r) })
    }

    /// `ds["col"]`: all values of a column, in row order.
    public func column(_ name: String) throws -> [DataValue] {
        guard let c = columnNames.firstIndex(of: name) else { throw DataError.noColumn(name, in: columnNames) }
        let col = columns[c]
        return (0..<numRows).map { col.value(at: storageRow($0)) }
    }

    /// `ds[a:b]` / `ds[[i, j]]`: a dict of lists over the given rows (each checked).
    public func rows(_ rowIndices: [Int]) throws -> DataDict {
        for i in rowIndices where i < 0 || i >= numRows {
            throw DataError.index("Invalid key: \(i) is out of bounds for size \(numRows)")
        }
        let storage = rowIndices.map(storageRow)
        return DataDict(uniqueKeys: columnNames, values: columns.map { col in .list(storage.map { col.value(at: $0) }) })
    }

    /// `ds.to_list()`: one dict per row.
    public func toList() -> [DataDict] {
        (0..<numRows).map { i in
            let r = storageRow(i)
            return DataDict(uniqueKeys: columnNames, values: columns.map { $0.value(at: r) })
        }
    }

    /// `ds.to_dict()`: a dict of lists.
    public func toDict() -> DataDict {
        DataDict(uniqueKeys: columnNames, values: columns.map { col in
            .list((0..<numRows).map { col.value(at: storageRow($0)) })
        })
    }

    /// The columns with the index mapping applied (what `flatten_indices` does).
    func materializedColumns() -> [ColumnData] {
        guard let indices else { return columns }
        return columns.map { $0.take(indices) }
    }

    /// Column storage in row order, for consumers such as tokenization and packing.
    public func columnData(_ name: String) throws -> ColumnData {
        guard let c = columnNames.firstIndex(of: name) else { throw DataError.noColumn(name, in: columnNames) }
        return indices.map { columns[c].take($0) } ?? columns[c]
    }
}

extension Dataset {
    /// A data set with no columns and no rows.
    public static let empty = Dataset(names: [], columns: [], indices: nil)
}
