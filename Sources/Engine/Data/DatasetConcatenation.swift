/// `datasets.concatenate_datasets`: the rows of several data sets one after another (axis 0), or
/// their columns side by side (axis 1), with the checks and messages of `datasets`.
extension Dataset {
    /// Rows of each part in order. Columns are the union (first-seen order); a column a part
    /// lacks is null there, and its types are unified. Loading several files uses this too.
    public static func concatenate(_ parts: [Dataset]) throws -> Dataset {
        if parts.count == 1 { return parts[0] }
        var names: [String] = [], types: [DataType] = []
        for p in parts {
            for (n, t) in zip(p.columnNames, p.features.types) {
                if let i = names.firstIndex(of: n) { types[i] = types[i].merging(type: t) } else { names.append(n); types.append(t) }
            }
        }
        var columns: [(String, ColumnData)] = []
        for (name, type) in zip(names, types) {
            var values: [DataValue] = []
            for p in parts {
                if let c = try? p.column(name) { values += c } else { values += repeatElement(.null, count: p.numRows) }
            }
            columns.append((name, ColumnData.build(type, values)))
        }
        return try Dataset(columns: columns)
    }

    /// `concatenate_datasets(parts, axis=axis)`. Axis 0 first checks, as `datasets` does, that
    /// a column shared by several parts has one type in all of them (a column of nulls fits any
    /// type) and then concatenates rows; any other axis puts columns side by side, which needs
    /// equal row counts and distinct column names.
    public static func concatenateDatasets(_ parts: [Dataset], axis: Int = 0) throws -> Dataset {
        guard !parts.isEmpty else { throw DataError.value("Unable to concatenate an empty list of datasets.") }
        if axis == 0 {
            try checkAlignable(parts.map(\.features))
            return try concatenate(parts)
        }
        guard parts.allSatisfy({ $0.numRows == parts[0].numRows }) else {
            throw DataError.value("Number of rows must match for all datasets")
        }
        var seen = Set<String>(), duplicated: [String] = []
        for name in parts.flatMap(\.columnNames) where !seen.insert(name).inserted && !duplicated.contains(name) {
            duplicated.append(name)
        }
        guard duplicated.isEmpty else {
            throw DataError.value("The table can't have duplicated columns but columns \(pythonList(duplicated)) are duplicated.")
        }
        var columns: [(String, ColumnData)] = []
        for part in parts {
            for (name, type) in zip(part.columnNames, part.features.types) {
                columns.append((name, ColumnData.build(type, try part.column(name))))
            }
        }
        return try Dataset(columns: columns)
    }

    /// datasets' `_check_if_features_can_be_aligned`: the first non-null type of each column is
    /// what every other part must have (or null).
    static func checkAlignable(_ all: [Features]) throws {
        var expected: [String: DataType] = [:]
        for features in all {
            for (name, type) in zip(features.names, features.types) where expected[name] == nil || expected[name] == .null {
                expected[name] = type
            }
        }
        for features in all {
            for (name, type) in zip(features.names, features.types) {
                guard type != .null, let want = expected[name], want != type else { continue }
                throw DataError.value("The features can't be aligned because the key \(name) of features \(features) has unexpected type - \(type.featureRepr) (expected either \(want.featureRepr) or Value(\"null\").")
            }
        }
    }
}
