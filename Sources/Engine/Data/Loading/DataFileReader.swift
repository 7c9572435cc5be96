import Foundation

/// Reads a data file's bytes (memory-mapped) with the errors `datasets` users expect.
enum DataFileReader {
    static func read(_ path: String) throws -> Data {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw DataError.notFound("Unable to find '\(path)'")
        }
        if isDir.boolValue { throw DataError.value("'\(path)' is a directory, expected a data file") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw DataError.notFound("cannot read '\(path)': \(error.localizedDescription)")
        }
    }

    /// 1-based line and column of a byte offset (computed only when reporting an error).
    static func lineAndColumn(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0a { line += 1; lineStart = i + 1 }
        return (line, offset - lineStart + 1)
    }

    /// The error for bytes that are not UTF-8, naming the file and where.
    static func notUTF8(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> DataError {
        let (line, col) = lineAndColumn(bytes, offset: offset)
        let b = String(bytes[offset], radix: 16).leftPadded(to: 2)
        return DataError(.unicode, "'utf-8' codec can't decode byte 0x\(b) in position \(offset): invalid start byte (\(path), line \(line), column \(col)). The file is not UTF-8 text: re-encode it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`).")
    }

    /// Offset just past a leading UTF-8 byte-order mark, if any.
    static func bomLength(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    }
}
