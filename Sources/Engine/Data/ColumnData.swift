/// Columnar storage of one column, in the spirit of an Arrow array: a typed buffer of
/// values plus an optional validity mask (`nil` = no nulls), lists as offsets into one
/// child column, structs as one child column per field. Rows are never stored as
/// dictionaries: a 100k-row data set of `{"text", "label"}` is one `[String]` and one
/// `[Int64]`. Strings stay Swift `String`s (not an offsets+bytes buffer) because every
/// consumer (tokenizers, the interpreter) wants a `String`, and moving one is free.
public enum ColumnData: Sendable {
    case null(count: Int)
    case bool([Bool], validity: [Bool]?)
    case int64([Int64], validity: [Bool]?)
    case float64([Double], validity: [Bool]?)
    /// `large` marks Arrow's large_string, which `datasets` reports for CSV text columns.
    case string([String], validity: [Bool]?, large: Bool)
    /// Row i holds child rows offsets[i]..<offsets[i+1]; offsets has count + 1 entries.
    indirect case list(offsets: [Int], child: ColumnData, validity: [Bool]?)
    case structure(names: [String], fields: [ColumnData], count: Int, validity: [Bool]?)
    /// Values of mixed types, kept as they came (`datasets`' `Json()` feature).
    case json([DataValue])

    public var count: Int {
        switch self {
        case let .null(n): return n
        case let .bool(v, _): return v.count
        case let .int64(v, _): return v.count
        case let .float64(v, _): return v.count
        case let .string(v, _, _): return v.count
        case let .list(offsets, _, _): return offsets.count - 1
        case let .structure(_, _, n, _): return n
        case let .json(v): return v.count
        }
    }

    public var dataType: DataType {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .int64: return .int64
        case .float64: return .float64
        case let .string(_, _, large): return large ? .largeString : .string
        case let .list(_, child, _): return .list(child.dataType)
        case let .structure(names, fields, _, _): return .structure(names, fields.map(\.dataType))
        case .json: return .json
        }
    }

    /// The cell at row `i` (0 ≤ i < count, checked by the caller).
    public func value(at i: Int) -> DataValue {
        switch self {
        case .null: return .null
        case let .bool(v, m): return m.map { $0[i] } == false ? .null : .bool(v[i])
        case let .int64(v, m): return m.map { $0[i] } == false ? .null : .int(v[i])
        case let .float64(v, m): return m.map { $0[i] } == false ? .null : .double(v[i])
        case let .string(v, m, _): return m.map { $0[i] } == false ? .null : .string(v[i])
        case let .list(offsets, child, m):
            if m.map({ $0[i] }) == false { return .null }
            return .list((offsets[i]..<offsets[i + 1]).map { child.value(at: $0) })
        case let .structure(names, fields, _, m):
            if m.map({ $0[i] }) == false { return .null }
            return .dict(DataDict(uniqueKeys: names, values: fields.map { $0.value(at: i) }))
        case let .json(v): return v[i]
        }
    }

    /// All cells, in order.
    public var values: [DataValue] { (0..<count).map { value(at: $0) } }

    /// A new column holding the rows at `indices`, in that order (each index < count).
    public func take(_ indices: [Int]) -> ColumnData {
        func pick<T>(_ v: [T]) -> [T] { indices.map { v[$0] } }
        func pickMask(_ m: [Bool]?) -> [Bool]? {
            guard let m else { return nil }
            let picked = indices.map { m[$0] }
            return picked.allSatisfy { $0 } ? nil : picked
        }
        switch self {
        case .null: return .null(count: indices.count)
        case let .bool(v, m): return .bool(pick(v), validity: pickMask(m))
        case let .int64(v, m): return .int64(pick(v), validity: pickMask(m))
        case let .float64(v, m): return .float64(pick(v), validity: pickMask(m))
        case let .string(v, m, large): return .string(pick(v), validity: pickMask(m), large: large)
        case let .list(offsets, child, m):
            var newOffsets = [0]; newOffsets.reserveCapacity(indices.count + 1)
            var childIndices: [Int] = []
            for i in indices {
                childIndices.append(contentsOf: offsets[i]..<offsets[i + 1])
                newOffsets.append(childIndices.count)
            }
            return .list(offsets: newOffsets, child: child.take(childIndices), validity: pickMask(m))
        case let .structure(names, fields, _, m):
            return .structure(names: names, fields: fields.map { $0.take(indices) }, count: indices.count,
                              validity: pickMask(m))
        case let .json(v): return .json(pick(v))
        }
    }

    /// Builds a column of type `type` from values that all fit it (see `DataType.merging`).
    public static func build<C: Collection>(_ type: DataType, _ values: C) -> ColumnData where C.Element == DataValue {
        var mask: [Bool] = []
        var hasNull = false
        mask.reserveCapacity(values.count)
        for v in values { let ok = !v.isNull; mask.append(ok); if !ok { hasNull = true } }
        let validity = hasNull ? mask : nil
        switch type {
        case .null: return .null(count: values.count)
        case .bool:
            return .bool(values.map { if case let .bool(b) = $0 { return b }; return false }, validity: validity)
        case .int64:
            return .int64(values.map { if case let .int(x) = $0 { return x }; return 0 }, validity: validity)
        case .float64:
            return .float64(values.map {
                switch $0 {
                case let .double(x): return x
                case let .int(x): return Double(x)
                default: return 0
                }
            }, validity: validity)
        case .string, .largeString:
            return .string(values.map { if case let .string(s) = $0 { return s }; return "" }, validity: validity,
                           large: type == .largeString)
        case let .list(elementType):
            var offsets = [0]; offsets.reserveCapacity(values.count + 1)
            var children: [DataValue] = []
            for v in values {
                if case let .list(items) = v { children.append(contentsOf: items) }
                offsets.append(children.count)
            }
            return .list(offsets: offsets, child: build(elementType, children), validity: validity)
        case let .structure(names, types):
            var fields: [ColumnData] = []
            for (name, t) in zip(names, types) {
                fields.append(build(t, values.map { v -> DataValue in
                    if case let .dict(d) = v { return d[name] ?? .null }
                    return .null
                }))
            }
            return .structure(names: names, fields: fields, count: values.count, validity: validity)
        case .json: return .json(Array(values))
        }
    }

    /// Infers the type of Python values as pyarrow does for `from_list` / `from_dict` /
    /// `map` outputs: unlike the JSON builder, mixed types are an error (ArrowInvalid),
    /// not a `Json()` column.
    public static func inferStrict<C: Collection>(_ values: C) throws -> ColumnData where C.Element == DataValue {
        var t = DataType.null
        for v in values {
            let m = t.merging(v)
            if m.containsJSON && !t.containsJSON {
                if t == .string { throw DataError(.arrowInvalid, "Expected bytes, got a '\(v.pythonTypeName)' object") }
                throw DataError(.arrowInvalid, "Could not convert \(v.shortRepr) with type \(v.pythonTypeName): tried to convert to \(t.arrowName)")
            }
            t = m
        }
        return build(t, values)
    }
}
