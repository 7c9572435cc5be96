import Foundation

/// A JSON document as a value: what `config.json`, `generation_config.json`, safetensors
/// headers and shard indexes are made of.
///
/// Integers and floats stay distinct (`1` vs `1.0`) because transformers writes them
/// distinctly and a round trip must not turn `"n_embd": 16` into `16.0`. Objects keep
/// their keys' order so that a file can be rewritten in the order it was read.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var isNull: Bool { if case .null = self { return true } else { return false } }
    public var boolValue: Bool? { if case let .bool(b) = self { return b } else { return nil } }
    public var stringValue: String? { if case let .string(s) = self { return s } else { return nil } }
    public var arrayValue: [JSONValue]? { if case let .array(a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case let .object(o) = self { return o } else { return nil } }

    /// An integer, also from a float with no fractional part (`2.0`), as Python's
    /// configs sometimes carry.
    public var intValue: Int? {
        switch self {
        case let .int(i): return Int(exactly: i)
        case let .double(d) where d.rounded() == d && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }

    /// A number as a Double (ints included).
    public var doubleValue: Double? {
        switch self {
        case let .int(i): return Double(i)
        case let .double(d): return d
        default: return nil
        }
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    public subscript(key: String) -> JSONValue? { objectValue?[key] }
}

/// A JSON object that remembers the order of its keys.
public struct JSONObject: Equatable, Sendable {
    public private(set) var keys: [String] = []
    private var storage: [String: JSONValue] = [:]
    /// Keys that Swift's String `==` took for an earlier key although their Unicode scalars
    /// differ (canonically equivalent spellings such as "é" and "e\u{301}"), where Python's
    /// dict keeps both. Readers that need exact keys (tokenizer vocabularies) check it.
    public private(set) var mergedEquivalentKeys: [String] = []

    public init() {}
    public init(_ pairs: [(String, JSONValue)]) {
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let newValue {
                if let i = storage.index(forKey: key) {
                    if !storage[i].key.unicodeScalars.elementsEqual(key.unicodeScalars) { mergedEquivalentKeys.append(key) }
                    storage[key] = newValue
                } else {
                    storage[key] = newValue
                    keys.append(key)
                }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Key/value pairs in insertion order.
    public var pairs: [(key: String, value: JSONValue)] { keys.map { ($0, storage[$0]!) } }

    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.storage == b.storage }
}

extension JSONValue {
    /// Parses a complete JSON text strictly, with Python's error messages (see `JSONParser`).
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        try JSONParser.parse(bytes: bytes)
    }

    public static func parse(_ data: Data) throws -> JSONValue {
        try data.withUnsafeBytes { try parse($0) }
    }

    public static func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text)
    }

    /// Reads and parses a JSON file; errors name the file.
    public static func parse(contentsOfFile path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JSONParseError(message: "cannot read the file (missing or unreadable)", line: 0, column: 0, offset: 0, file: path)
        }
        do { return try parse(data) } catch var error as JSONParseError {
            error.file = path
            throw error
        }
    }
}
