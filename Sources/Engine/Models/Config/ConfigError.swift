/// A `config.json` / `generation_config.json` that sftnb cannot use; the message names the
/// file and the field and says what was expected.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    public let description: String

    init(_ source: String, _ message: String) {
        description = "\(source): \(message)"
    }

    init(description: String) {
        self.description = description
    }

    static func wrongType(_ source: String, _ key: String, expected: String, found: JSONValue) -> Self {
        .init(source, "field '\(key)' must be \(expected), found \(found.typeName) \(JSONWriter(indent: nil).string(found))")
    }
    static func missing(_ source: String, _ key: String, hint: String) -> Self {
        .init(source, "missing required field '\(key)' (\(hint))")
    }
    static func invalid(_ source: String, _ key: String, _ reason: String) -> Self {
        .init(source, "field '\(key)': \(reason)")
    }
    static func notImplemented(_ source: String, _ what: String) -> Self {
        .init(source, "not implemented: \(what)")
    }
}
