/// What every family's config (`GPT2Config`, `OPTConfig`, `GPTNeoConfig`, `LlamaConfig`)
/// provides: parsing from a `config.json` dictionary with exactly transformers' defaults,
/// the typed fields the engine uses, and every key of the file kept in `raw` so that
/// saving writes back what transformers would.
public protocol FamilyConfig: Sendable {
    /// `model_type` in `config.json`.
    static var modelType: String { get }
    /// `Cls().to_diff_dict()` of the transformers class: every key it serialises, with its default.
    static var classDefaults: JSONObject { get }
    /// Parses `object` (read from `source`, named in errors).
    init(_ object: JSONObject, source: String) throws
    /// The file's dictionary as read (unknown keys included); keys that are not typed
    /// fields (`architectures`, custom keys) are edited here.
    var raw: JSONObject { get set }
    /// The weights' dtype (`dtype`/`torch_dtype`); nil when the file does not say.
    var dtype: TensorDType? { get set }
    /// The typed fields in `config.json` spelling, written over `raw` when saving.
    var typedFields: [(String, JSONValue)] { get }
    /// Keys of older files that transformers 5 reads but no longer writes.
    static var droppedKeys: Set<String> { get }
    /// transformers' `attribute_map`: alias → field (GPT-2's `hidden_size` is `n_embd`).
    static var attributeMap: [String: String] { get }
}

extension FamilyConfig {
    public static var droppedKeys: Set<String> { [] }
    public static var attributeMap: [String: String] { [:] }

    /// `object` with aliases renamed to the fields they stand for, as transformers stores
    /// them (an explicit field wins over its alias).
    static func resolvingAliases(_ object: JSONObject) -> JSONObject {
        var out = object
        for (alias, field) in attributeMap where out[alias] != nil {
            if out[field] == nil { out[field] = out[alias] }
            out[alias] = nil
        }
        return out
    }

    /// A config with every field at transformers' default, as `Cls()` gives.
    public static func defaults() -> Self {
        // Parsing an empty dictionary cannot fail: every field has a default.
        try! Self(JSONObject(), source: "<defaults>")
    }

    /// The dictionary `save_pretrained` writes.
    public func jsonObject() -> JSONObject {
        var kept = raw
        for key in Self.droppedKeys { kept[key] = nil }
        return ConfigSerialization.dictionary(raw: kept, classDefaults: Self.classDefaults, typed: typedFields,
                                              modelType: Self.modelType, dtype: dtype)
    }

    /// The exact text of `config.json` as transformers writes it.
    public func jsonText() -> String { ConfigSerialization.text(jsonObject()) }
}

extension JSONValue {
    static func number(_ d: Double) -> JSONValue { .double(d) }
    static func integer(_ i: Int) -> JSONValue { .int(Int64(i)) }
    static func optionalInteger(_ i: Int?) -> JSONValue { i.map { .int(Int64($0)) } ?? .null }
    static func tokens(_ t: TokenIDs?) -> JSONValue { t?.json ?? .null }
}
