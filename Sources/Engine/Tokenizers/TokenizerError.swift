/// Errors from loading, saving, encoding and decoding tokenizers. Each says what went
/// wrong, where (file and JSON field), and, where it helps, how to fix it.
public enum TokenizerError: Error, CustomStringConvertible, Equatable {
    case cannotRead(path: String, reason: String)
    case malformedJSON(file: String, reason: String)
    case missingField(file: String, field: String)
    case wrongType(file: String, field: String, expected: String)
    case unknownComponent(file: String, field: String, type: String, known: [String])
    case invalidValue(file: String, field: String, reason: String)
    case noTokenizerFiles(directory: String)
    case idOutOfRange(id: Int, vocabularySize: Int)
    case notImplemented(String)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason):
            return "cannot read '\(path)': \(reason)"
        case let .malformedJSON(file, reason):
            return "\(file): not valid JSON (\(reason)); re-save it with `tokenizer.save_pretrained`"
        case let .missingField(file, field):
            return "\(file): missing field '\(field)'"
        case let .wrongType(file, field, expected):
            return "\(file): field '\(field)' should be \(expected)"
        case let .unknownComponent(file, field, type, known):
            return "\(file): unknown \(field) type '\(type)' (supported: \(known.joined(separator: ", ")))"
        case let .invalidValue(file, field, reason):
            return "\(file): invalid '\(field)': \(reason)"
        case let .noTokenizerFiles(directory):
            return "no tokenizer in '\(directory)': expected tokenizer.json, or vocab.json with merges.txt"
        case let .idOutOfRange(id, size):
            return "token id \(id) is out of range: the vocabulary has \(size) tokens (ids 0..<\(size))"
        case let .notImplemented(what):
            return "not implemented in sftnb: \(what)"
        }
    }
}

/// Typed access to a parsed JSON object that reports the file and the dotted field
/// path on every mistake, so a malformed tokenizer.json names exactly what is wrong.
struct TokenizerJSON {
    let dict: [String: Any]
    let file: String
    let path: String

    init(_ dict: [String: Any], file: String, path: String = "") {
        self.dict = dict
        self.file = file
        self.path = path
    }

    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func has(_ key: String) -> Bool { dict[key] != nil && !(dict[key] is NSNull) }

    func string(_ key: String) throws -> String {
        guard let v = dict[key] else { throw TokenizerError.missingField(file: file, field: field(key)) }
        guard let s = v as? String else { throw TokenizerError.wrongType(file: file, field: field(key), expected: "a string") }
        return s
    }

    func optionalString(_ key: String) throws -> String? {
        guard has(key) else { return nil }
        return try string(key)
    }

    func bool(_ key: String, default value: Bool) throws -> Bool {
        guard has(key) else { return value }
        guard let v = dict[key], TokenizerJSONWriter.isJSONBool(v), let b = v as? Bool else { throw TokenizerError.wrongType(file: file, field: field(key), expected: "true or false") }
        return b
    }

    func int(_ key: String) throws -> Int {
        guard let v = dict[key] else { throw TokenizerError.missingField(file: file, field: field(key)) }
        if !TokenizerJSONWriter.isJSONBool(v), let n = v as? Int { return n }
        if !TokenizerJSONWriter.isJSONBool(v), let d = v as? Double, d == d.rounded(), abs(d) < 9e15 { return Int(d) }
        throw TokenizerError.wrongType(file: file, field: field(key), expected: "an integer")
    }

    func optionalInt(_ key: String) throws -> Int? {
        guard has(key) else { return nil }
        return try int(key)
    }

    func object(_ key: String) throws -> TokenizerJSON {
        guard let v = dict[key] else { throw TokenizerError.missingField(file: file, field: field(key)) }
        guard let d = v as? [String: Any] else { throw TokenizerError.wrongType(file: file, field: field(key), expected: "an object") }
        return TokenizerJSON(d, file: file, path: field(key))
    }

    func optionalObject(_ key: String) throws -> TokenizerJSON? {
        guard has(key) else { return nil }
        return try object(key)
    }

    func array(_ key: String) throws -> [Any] {
        guard let v = dict[key] else { throw TokenizerError.missingField(file: file, field: field(key)) }
        guard let a = v as? [Any] else { throw TokenizerError.wrongType(file: file, field: field(key), expected: "a list") }
        return a
    }

    /// The elements of a list of objects, each with its indexed path (`pretokenizers[1]`).
    func objects(_ key: String) throws -> [TokenizerJSON] {
        try array(key).enumerated().map { i, v in
            guard let d = v as? [String: Any] else {
                throw TokenizerError.wrongType(file: file, field: "\(field(key))[\(i)]", expected: "an object")
            }
            return TokenizerJSON(d, file: file, path: "\(field(key))[\(i)]")
        }
    }

    /// The component's `"type"`, for the factories.
    func type() throws -> String { try string("type") }

    func unknown(_ kind: String, known: [String]) throws -> Never {
        throw TokenizerError.unknownComponent(file: file, field: path.isEmpty ? kind : path, type: (try? type()) ?? "?", known: known)
    }
}

import Foundation

enum JSONFile {
    /// Reads and parses a JSON file whose top level is an object, with the engine's
    /// `JSONParser` (strings exactly as written: Foundation's reader drops a U+FEFF that starts
    /// a string, and is several times slower on a large vocabulary).
    static func readObject(_ path: String) throws -> TokenizerJSON {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TokenizerError.cannotRead(path: path, reason: "no such file or not readable")
        }
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(data)
        } catch let error as JSONParseError {
            throw TokenizerError.malformedJSON(file: name, reason: error.description)
        }
        guard case .object(let object) = parsed else {
            throw TokenizerError.wrongType(file: name, field: "(top level)", expected: "an object")
        }
        return TokenizerJSON(try dictionary(object, file: name, path: ""), file: name)
    }

    /// The untyped tree `TokenizerJSON` reads: `[String: Any]`, `[Any]`, `String`, `Int`,
    /// `Double`, `Bool` and `NSNull`.
    static func any(_ value: JSONValue, file: String, path: String) throws -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let b): return b
        case .int(let i): return Int(i)
        case .double(let d): return d
        case .string(let s): return s
        case .array(let items): return try items.enumerated().map { try any($1, file: file, path: "\(path)[\($0)]") }
        case .object(let object): return try dictionary(object, file: file, path: path)
        }
    }

    /// Refuses keys that differ only in Unicode normalization (a vocabulary with both "é" and
    /// "e\u{301}"): Swift's String keys, here and in the vocabulary, would merge them into one.
    static func dictionary(_ object: JSONObject, file: String, path: String) throws -> [String: Any] {
        if let key = object.mergedEquivalentKeys.first {
            let scalars = key.unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ")
            throw TokenizerError.notImplemented("\(file): '\(path)' has keys that differ only in Unicode normalization (\(scalars) and its canonical equivalent); sftnb keys strings by canonical equivalence and would merge them")
        }
        var d: [String: Any] = [:]
        d.reserveCapacity(object.count)
        for (key, value) in object.pairs { d[key] = try any(value, file: file, path: path.isEmpty ? key : "\(path).\(key)") }
        return d
    }
}
