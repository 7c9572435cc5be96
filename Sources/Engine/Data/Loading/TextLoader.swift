import Foundation

/// The `"text"` builder: one row per line in a `text` column, as `datasets` does with
/// its defaults (`sample_by="line"`, `keep_linebreaks=False`): universal newlines
/// (`\r\n` and `\r` count as `\n`), empty lines kept as empty strings, no row after a
/// final newline. `sample_by="paragraph"` splits at blank lines and `"document"` gives
/// the whole file as one row.
public enum TextSampling: String, Sendable { case line, paragraph, document }

enum TextLoader {
    static func load(_ path: String, sampleBy: TextSampling = .line, keepLinebreaks: Bool = false) throws -> [String] {
        let data = try DataFileReader.read(path)
        let text: String = try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let bad = UTF8Check.firstInvalid(bytes) { throw DataFileReader.notUTF8(path, bytes, offset: bad) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        switch sampleBy {
        case .document: return [normalized]
        case .paragraph: return normalized.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        case .line:
            var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if normalized.hasSuffix("\n") || normalized.isEmpty { lines.removeLast() }
            return keepLinebreaks ? lines.enumerated().map { i, l in
                i < lines.count - 1 || normalized.hasSuffix("\n") ? l + "\n" : l
            } : lines
        }
    }
}
