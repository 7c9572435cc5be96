/// The type of a column: the subset of Arrow types that `datasets` infers from JSON, CSV
/// and Python lists, plus `json`, the `Json()` feature `datasets` 5 falls back to when a
/// field holds values of incompatible types (e.g. ints in some rows, strings in others).
public indirect enum DataType: Equatable, Sendable {
    case null
    case bool
    case int64
    case float64
    case string
    /// Arrow's large_string: same values as `string`, reported by `datasets` for CSV text.
    case largeString
    case list(DataType)
    /// Nested dicts: field names in first-seen order and their types.
    case structure([String], [DataType])
    case json

    /// The feature repr `datasets` prints: `Value('string')`, `List(Value('int64'))`,
    /// `{'role': Value('string'), ...}`, `Json(decode=True)`.
    public var featureRepr: String {
        switch self {
        case .null: return "Value('null')"
        case .bool: return "Value('bool')"
        case .int64: return "Value('int64')"
        case .float64: return "Value('float64')"
        case .string: return "Value('string')"
        case .largeString: return "Value('large_string')"
        case let .list(t): return "List(\(t.featureRepr))"
        case let .structure(names, types):
            return "{" + zip(names, types).map { "\(pythonStringRepr($0)): \($1.featureRepr)" }
                .joined(separator: ", ") + "}"
        case .json: return "Json(decode=True)"
        }
    }

    /// Whether a `json` type appears anywhere inside.
    public var containsJSON: Bool {
        switch self {
        case .json: return true
        case let .list(t): return t.containsJSON
        case let .structure(_, ts): return ts.contains { $0.containsJSON }
        default: return false
        }
    }

    /// Arrow's name of the type, for pyarrow-style error messages.
    var arrowName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int64: return "int64"
        case .float64: return "double"
        case .string: return "string"
        case .largeString: return "large_string"
        case let .list(t): return "list<item: \(t.arrowName)>"
        case let .structure(names, types):
            return "struct<" + zip(names, types).map { "\($0): \($1.arrowName)" }.joined(separator: ", ") + ">"
        case .json: return "json"
        }
    }

    /// The type inferred for one value, as pyarrow infers it from a JSON value.
    public static func of(_ value: DataValue) -> DataType {
        switch value {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int64
        case .double: return .float64
        case .string: return .string
        case let .list(items):
            var t = DataType.null
            for item in items { t = t.merging(item) }
            return .list(t)
        case let .dict(d):
            return .structure(d.keys, d.values.map(DataType.of))
        }
    }

    /// The type of a column that held `self` so far and now also holds `value`.
    /// Rules of pyarrow's JSON reader and `datasets` 5: null joins anything; int and float
    /// give float; lists unify their elements; structs take the union of their fields (a
    /// field missing from a row is null there); any other mix gives `json`. Returns
    /// `self` without allocating in the common case where the value already fits.
    public func merging(_ value: DataValue) -> DataType {
        switch (self, value) {
        case (_, .null), (.json, _): return self
        case (.null, _): return DataType.of(value)
        case (.bool, .bool), (.int64, .int), (.float64, .double), (.float64, .int), (.string, .string), (.largeString, .string):
            return self
        case (.int64, .double): return .float64
        case let (.list(t), .list(items)):
            var e = t
            for item in items { e = e.merging(item) }
            return e == t ? self : .list(e)
        case let (.structure(names, types), .dict(d)):
            var names = names, types = types, changed = false
            for (k, v) in d {
                if let i = names.firstIndex(of: k) {
                    let m = types[i].merging(v)
                    if m != types[i] { types[i] = m; changed = true }
                } else {
                    names.append(k); types.append(DataType.of(v)); changed = true
                }
            }
            return changed ? .structure(names, types) : self
        default: return .json
        }
    }

    /// The type of a column made by concatenating a column of `self` and one of `other`.
    public func merging(type other: DataType) -> DataType {
        switch (self, other) {
        case (_, .null), (.json, _): return self
        case (.null, _), (_, .json): return other
        case (.int64, .float64), (.float64, .int64): return .float64
        case (.string, .largeString), (.largeString, .string): return .largeString
        case let (.list(a), .list(b)): return .list(a.merging(type: b))
        case let (.structure(n1, t1), .structure(n2, t2)):
            var names = n1, types = t1
            for (k, t) in zip(n2, t2) {
                if let i = names.firstIndex(of: k) { types[i] = types[i].merging(type: t) } else {
                    names.append(k); types.append(t)
                }
            }
            return .structure(names, types)
        default: return self == other ? self : .json
        }
    }
}

/// A data set's schema: column names with their types, printed as `datasets` prints
/// `ds.features`: `{'text': Value('string'), 'label': Value('int64')}`.
public struct Features: Equatable, Sendable, CustomStringConvertible {
    public let names: [String]
    public let types: [DataType]

    public var description: String {
        "{" + zip(names, types).map { "\(pythonStringRepr($0)): \($1.featureRepr)" }.joined(separator: ", ") + "}"
    }
}
