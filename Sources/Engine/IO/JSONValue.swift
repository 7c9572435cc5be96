import CJSONC
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
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Key/value pairs in insertion order.
    public var pairs: [(key: String, value: JSONValue)] { keys.map { ($0, storage[$0]!) } }

    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.storage == b.storage }
}

/// Why a JSON text could not be read.
public struct JSONParseError: Error, CustomStringConvertible {
    public let description: String
}

extension JSONValue {
    /// Deepest nesting accepted (json-c's default of 32 is too tight for some tokenizer files).
    public static let maxDepth: Int32 = 256

    /// Parses a complete JSON text strictly (no trailing garbage, no comments), using json-c.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw JSONParseError(description: "empty JSON text")
        }
        guard bytes.count < Int(Int32.max) else {
            throw JSONParseError(description: "JSON text of \(bytes.count) bytes is too large")
        }
        guard let tokener = json_tokener_new_ex(maxDepth) else {
            throw JSONParseError(description: "json-c could not allocate a tokener")
        }
        defer { json_tokener_free(tokener) }
        json_tokener_set_flags(tokener, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8)
        let object = json_tokener_parse_ex(tokener, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        let status = json_tokener_get_error(tokener)
        if status != json_tokener_success {
            let reason = String(cString: json_tokener_error_desc(status))
            let at = json_tokener_get_parse_end(tokener)
            if status == json_tokener_continue {
                throw JSONParseError(description: "JSON text ends early (unterminated value)")
            }
            throw JSONParseError(description: "\(reason) at byte \(at)")
        }
        defer { json_object_put(object) }
        let consumed = Int(json_tokener_get_parse_end(tokener))
        if consumed < bytes.count {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[consumed...])
            if rest.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) {
                throw JSONParseError(description: "unexpected data after the JSON value at byte \(consumed)")
            }
        }
        return convert(object)
    }

    public static func parse(_ data: Data) throws -> JSONValue {
        try data.withUnsafeBytes { try parse($0) }
    }

    public static func parse(_ text: String) throws -> JSONValue {
        try parse(Data(text.utf8))
    }

    /// Reads and parses a JSON file; errors name the file.
    public static func parse(contentsOfFile path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JSONParseError(description: "\(path): cannot read the file (missing or unreadable)")
        }
        do { return try parse(data) } catch let error as JSONParseError {
            throw JSONParseError(description: "\(path): invalid JSON: \(error.description)")
        }
    }

    private static func convert(_ object: OpaquePointer?) -> JSONValue {
        guard let object else { return .null }
        switch json_object_get_type(object) {
        case json_type_null: return .null
        case json_type_boolean: return .bool(json_object_get_boolean(object) != 0)
        case json_type_int: return .int(json_object_get_int64(object))
        case json_type_double: return .double(json_object_get_double(object))
        case json_type_string:
            let length = Int(json_object_get_string_len(object))
            guard let chars = json_object_get_string(object) else { return .string("") }
            let buffer = UnsafeRawBufferPointer(start: chars, count: length)
            return .string(String(decoding: buffer, as: UTF8.self))
        case json_type_array:
            let n = json_object_array_length(object)
            var items: [JSONValue] = []
            items.reserveCapacity(n)
            for i in 0..<n { items.append(convert(json_object_array_get_idx(object, i))) }
            return .array(items)
        case json_type_object:
            var result = JSONObject()
            var it = json_object_iter_begin(object)
            var end = json_object_iter_end(object)
            while json_object_iter_equal(&it, &end) == 0 {
                let key = String(cString: json_object_iter_peek_name(&it))
                result[key] = convert(json_object_iter_peek_value(&it))
                json_object_iter_next(&it)
            }
            return .object(result)
        default: return .null
        }
    }
}
