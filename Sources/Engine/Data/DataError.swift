/// Errors of the data-set layer. `kind` tells the interpreter which Python exception to
/// raise (the same one `datasets` raises), `message` is the text after the colon.
public struct DataError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Sendable {
        case fileNotFound = "FileNotFoundError"
        case value = "ValueError"
        case key = "KeyError"
        case index = "IndexError"
        case type = "TypeError"
        case notImplemented = "NotImplementedError"
        /// pyarrow's `ArrowInvalid`, which `datasets` lets through for malformed columns.
        case arrowInvalid = "ArrowInvalid"
        case unicode = "UnicodeDecodeError"
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }

    public var description: String { "\(kind.rawValue): \(message)" }

    static func value(_ m: String) -> DataError { DataError(.value, m) }
    static func key(_ m: String) -> DataError { DataError(.key, m) }
    static func index(_ m: String) -> DataError { DataError(.index, m) }
    static func type(_ m: String) -> DataError { DataError(.type, m) }
    static func notFound(_ m: String) -> DataError { DataError(.fileNotFound, m) }
    static func notImplemented(_ what: String) -> DataError {
        DataError(.notImplemented, "\(what) is not implemented in sftnb yet")
    }

    /// What `datasets` 5 raises for `ds["nope"]`.
    static func noColumn(_ name: String, in names: [String]) -> DataError {
        DataError(.value, "Column \(pythonStringRepr(name)) doesn't exist.")
    }
}

/// Python's repr of a list of strings: `['a', 'b']`.
func pythonList(_ names: [String]) -> String {
    "[" + names.map { pythonStringRepr($0) }.joined(separator: ", ") + "]"
}

extension String {
    func leftPadded(to n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}
