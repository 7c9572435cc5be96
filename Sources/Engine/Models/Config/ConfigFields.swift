/// A token id field that transformers allows as one id or a list (`eos_token_id` of
/// Llama-3-style models is a list); remembered in its original form so it is written back
/// the same way.
public enum TokenIDs: Equatable, Sendable {
    case one(Int)
    case many([Int])

    public var ids: [Int] {
        switch self {
        case let .one(id): return [id]
        case let .many(ids): return ids
        }
    }

    /// The first id (the one used as a single "eos"/"bos" token).
    public var first: Int? { ids.first }

    var json: JSONValue {
        switch self {
        case let .one(id): return .int(Int64(id))
        case let .many(ids): return .array(ids.map { .int(Int64($0)) })
        }
    }
}

/// Typed reads from a config dictionary with transformers' defaults; every error names the
/// file and the field.
struct ConfigFields {
    let object: JSONObject
    let source: String

    private func value(_ key: String) -> JSONValue? {
        guard let v = object[key] else { return nil }
        return v
    }

    func int(_ key: String, _ fallback: Int) throws -> Int {
        guard let v = value(key) else { return fallback }
        guard let i = v.intValue else { throw ConfigError.wrongType(source, key, expected: "an integer", found: v) }
        return i
    }

    func positiveInt(_ key: String, _ fallback: Int) throws -> Int {
        let i = try int(key, fallback)
        guard i > 0 else { throw ConfigError.invalid(source, key, "must be a positive integer, found \(i)") }
        return i
    }

    /// An integer that may be null (absent → `fallback`).
    func optionalInt(_ key: String, _ fallback: Int?) throws -> Int? {
        guard let v = value(key) else { return fallback }
        if v.isNull { return nil }
        guard let i = v.intValue else { throw ConfigError.wrongType(source, key, expected: "an integer or null", found: v) }
        return i
    }

    func double(_ key: String, _ fallback: Double) throws -> Double {
        guard let v = value(key) else { return fallback }
        guard let d = v.doubleValue else { throw ConfigError.wrongType(source, key, expected: "a number", found: v) }
        return d
    }

    func bool(_ key: String, _ fallback: Bool) throws -> Bool {
        guard let v = value(key) else { return fallback }
        guard let b = v.boolValue else { throw ConfigError.wrongType(source, key, expected: "true or false", found: v) }
        return b
    }

    func string(_ key: String, _ fallback: String) throws -> String {
        guard let v = value(key) else { return fallback }
        guard let s = v.stringValue else { throw ConfigError.wrongType(source, key, expected: "a string", found: v) }
        return s
    }

    func tokenIDs(_ key: String, _ fallback: TokenIDs?) throws -> TokenIDs? {
        guard let v = value(key) else { return fallback }
        if v.isNull { return nil }
        if let i = v.intValue { return .one(i) }
        if let items = v.arrayValue {
            let ids = items.compactMap(\.intValue)
            if ids.count == items.count { return .many(ids) }
        }
        throw ConfigError.wrongType(source, key, expected: "a token id, a list of token ids, or null", found: v)
    }

    /// `dtype` (transformers 5) or `torch_dtype` (4.x), as a tensor dtype; nil when absent,
    /// null or "auto".
    func dtype() throws -> TensorDType? {
        for key in ["dtype", "torch_dtype"] {
            guard let v = value(key), !v.isNull else { continue }
            guard let name = v.stringValue else { throw ConfigError.wrongType(source, key, expected: "a dtype name", found: v) }
            if name == "auto" { return nil }
            guard let dtype = TensorDType(torchName: name) else {
                throw ConfigError.invalid(source, key, "unknown dtype '\(name)' (expected float32, bfloat16 or float16)")
            }
            return dtype
        }
        return nil
    }
}
