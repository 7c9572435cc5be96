/// Everything that can be wrong with a safetensors file or a sharded checkpoint. Each
/// message names the file, the tensor when there is one, and what was expected versus
/// found, so a user can tell a truncated download from a wrong model.
public struct SafetensorsError: Error, CustomStringConvertible, Equatable {
    public let description: String

    init(_ path: String, _ message: String) {
        description = "\(path): \(message)"
    }

    static func cannotOpen(_ path: String, _ reason: String) -> Self {
        .init(path, "cannot open safetensors file: \(reason)")
    }
    static func tooSmall(_ path: String, size: Int) -> Self {
        .init(path, "not a safetensors file: \(size) bytes, expected at least 8 (header length) — truncated download?")
    }
    static func headerTooLarge(_ path: String, length: UInt64, fileSize: Int, limit: Int) -> Self {
        if length > UInt64(fileSize) {
            return .init(path, "header length field says \(length) bytes but the file has only \(fileSize) bytes — truncated or not a safetensors file")
        }
        return .init(path, "header length \(length) bytes exceeds the limit of \(limit) bytes — not a safetensors file")
    }
    static func badHeader(_ path: String, _ reason: String) -> Self {
        .init(path, "invalid safetensors header: \(reason)")
    }
    static func badTensor(_ path: String, _ name: String, _ reason: String) -> Self {
        .init(path, "tensor '\(name)': \(reason)")
    }
    static func missingTensor(_ path: String, _ name: String) -> Self {
        .init(path, "no tensor named '\(name)'")
    }
}
