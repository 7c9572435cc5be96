/// Why parameters could not be laid out, loaded or saved; messages name the file, the
/// tensor, and expected versus found.
public struct ParameterError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) { self.description = description }

    static func wrongShape(file: String, tensor: String, expected: [Int], found: [Int]) -> Self {
        .init("\(file): tensor '\(tensor)' has shape \(found), expected \(expected) — the checkpoint does not match the model's config")
    }
    static func missing(file: String, tensor: String) -> Self {
        .init("\(file): missing tensor '\(tensor)' — the checkpoint does not match the model's config (or is incomplete)")
    }
    static func unknownView(_ name: String) -> Self {
        .init("no parameter named '\(name)'")
    }
    static func duplicate(_ name: String) -> Self {
        .init("parameter '\(name)' is declared twice")
    }
}
