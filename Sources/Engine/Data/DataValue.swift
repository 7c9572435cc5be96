/// One cell of a data set at the API boundary: what a row access, a column access or a
/// `map` closure sees. It mirrors the Python values `datasets` hands out (None, bool,
/// int, float, str, list, dict) so the interpreter can convert one-to-one; storage
/// itself is columnar (see `ColumnData`), this enum is only for values in transit.
public enum DataValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case list([DataValue])
    case dict(DataDict)

    /// Python's name of the value's type, for error messages.
    public var pythonTypeName: String {
        switch self {
        case .null: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .list: return "list"
        case .dict: return "dict"
        }
    }

    /// A Python-like repr for error messages (`'x'`, `1`, `[1, 2]`, `{'a': 1}`).
    var shortRepr: String {
        switch self {
        case .null: return "None"
        case let .bool(b): return b ? "True" : "False"
        case let .int(x): return String(x)
        case let .double(x): return pythonFloat(x)
        case let .string(s): return pythonStringRepr(s)
        case let .list(items): return "[" + items.map(\.shortRepr).joined(separator: ", ") + "]"
        case let .dict(d): return "{" + d.map { "\(pythonStringRepr($0)): \($1.shortRepr)" }.joined(separator: ", ") + "}"
        }
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The elements when the value is a list, else nil.
    public var listValue: [DataValue]? { if case let .list(l) = self { return l } else { return nil } }
}

/// An insertion-ordered dictionary from column (or field) names to values: a row, a
/// struct cell, or a batch (`dict` of lists). Python dicts keep insertion order and
/// `datasets` rows list columns in schema order, so a plain `[String: DataValue]`
/// would lose information the user sees when printing a row.
public struct DataDict: Hashable, Sendable, Sequence {
    public private(set) var keys: [String]
    public private(set) var values: [DataValue]

    public init() { keys = []; values = [] }

    public init(_ pairs: [(String, DataValue)]) {
        keys = []; values = []
        keys.reserveCapacity(pairs.count); values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    /// Builds from parallel arrays the caller guarantees to hold distinct keys.
    init(uniqueKeys keys: [String], values: [DataValue]) {
        self.keys = keys; self.values = values
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public func index(of key: String) -> Int? { keys.firstIndex(of: key) }

    /// Gets a value; setting appends a new key at the end or replaces in place (as Python's dict).
    /// Setting nil removes the key.
    public subscript(key: String) -> DataValue? {
        get { index(of: key).map { values[$0] } }
        set {
            if let i = index(of: key) {
                if let v = newValue { values[i] = v } else { keys.remove(at: i); values.remove(at: i) }
            } else if let v = newValue {
                keys.append(key); values.append(v)
            }
        }
    }

    public func makeIterator() -> Zip2Sequence<[String], [DataValue]>.Iterator {
        zip(keys, values).makeIterator()
    }
}
