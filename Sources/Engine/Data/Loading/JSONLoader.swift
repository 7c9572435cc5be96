import Foundation

/// The `"json"` builder: a JSON Lines file (one object per line; blank lines skipped)
/// or a file holding one JSON array of objects (or of strings, which become a `text`
/// column, as in `datasets`). JSON Lines files are split at line boundaries into one
/// chunk per core, parsed in parallel and merged in file order, so the result does not
/// depend on the number of cores.
enum JSONLoader {
    /// The file's columns, in first-seen key order.
    /// `field` is `load_dataset("json", field=...)`: the file is one JSON object and the
    /// rows are the list under that key.
    static func load(_ path: String, field: String? = nil) throws -> [(String, ColumnData)] {
        let root = try field.map { try loadField(path, $0) } ?? loadRoot(path)
        return zip(root.fieldNames, root.fields).map { ($0, $1.finish()) }
    }

    private static func loadRoot(_ path: String) throws -> ColumnBuilder {
        let data = try DataFileReader.read(path)
        return try data.withUnsafeBytes { raw -> ColumnBuilder in
            let bytes = raw.bindMemory(to: UInt8.self)
            let start = DataFileReader.bomLength(bytes)
            var p = JSONByteParser(bytes, from: start)
            if p.atEnd {
                throw DataError.value("\(path) is empty: no rows to load, and an empty file gives no columns to infer. Remove it from data_files or add rows.")
            }
            if bytes[p.pos] == UInt8(ascii: "[") { return try loadArray(path, bytes, from: p.pos) }
            return try loadLines(path, bytes, from: start)
        }
    }

    private static func loadField(_ path: String, _ field: String) throws -> ColumnBuilder {
        let data = try DataFileReader.read(path)
        let value = try data.withUnsafeBytes { raw in
            try parseWhole(path, raw.bindMemory(to: UInt8.self), from: DataFileReader.bomLength(raw.bindMemory(to: UInt8.self)))
        }
        guard case let .dict(d) = value else {
            throw DataError.value("\(path): field=\(pythonStringRepr(field)) needs a file holding one JSON object, found \(value.pythonTypeName)")
        }
        guard let rows = d[field] else { throw DataError.key(pythonStringRepr(field)) }
        return try builder(path, rows: rows)
    }

    private static func parseWhole(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws -> DataValue {
        var p = JSONByteParser(bytes, from: start)
        do {
            let value = try p.parseValue()
            if !p.atEnd { throw JSONByteParser.Failure(offset: p.pos, message: "extra data after the JSON value") }
            return value
        } catch let f as JSONByteParser.Failure {
            throw error(path, bytes, f)
        }
    }

    private static func loadArray(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws -> ColumnBuilder {
        try builder(path, rows: try parseWhole(path, bytes, from: start))
    }

    /// Rows from a JSON array of objects (or of strings: a `text` column).
    private static func builder(_ path: String, rows value: DataValue) throws -> ColumnBuilder {
        guard case .list = value else {
            throw DataError(.arrowInvalid, "\(path): expected a JSON array of rows, found \(value.pythonTypeName)")
        }
        let acc = ColumnBuilder()
        _ = acc.beginStruct()
        for item in value.listValue ?? [] {
            switch item {
            case .dict: acc.append(item)
            case .string: acc.append(.dict(DataDict([("text", item)])))
            default:
                throw DataError(.arrowInvalid, "\(path): a JSON array file must hold objects (one per row) or strings, found \(item.pythonTypeName)")
            }
        }
        return acc
    }

    private static func loadLines(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws -> ColumnBuilder {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = bytes.count - start < 1 << 20 ? 1 : cores
        // Chunk boundaries just after a newline.
        var bounds = [start]
        for k in 1..<chunks {
            var b = max(start + (bytes.count - start) * k / chunks, bounds[k - 1])
            while b < bytes.count && bytes[b - 1] != 0x0a { b += 1 }
            bounds.append(b)
        }
        bounds.append(bytes.count)
        var results = [Result<ColumnBuilder, Error>?](repeating: nil, count: chunks)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: chunks) { k in
            let r = Result { try parseLines(path, bytes, from: bounds[k], to: bounds[k + 1]) }
            lock.lock(); results[k] = r; lock.unlock()
        }
        let acc = ColumnBuilder()
        _ = acc.beginStruct()
        for r in results {
            guard let r else { continue }
            acc.append(contentsOf: try r.get())
        }
        return acc
    }

    private static func parseLines(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) throws -> ColumnBuilder {
        let acc = ColumnBuilder()
        _ = acc.beginStruct()
        var lineStart = from
        while lineStart < to {
            var lineEnd = lineStart
            if let base = bytes.baseAddress,
               let nl = memchr(base + lineStart, 0x0a, to - lineStart) {
                lineEnd = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
            } else { lineEnd = to }
            var p = JSONByteParser(bytes, from: lineStart, to: lineEnd)
            do {
                if !p.atEnd {
                    guard bytes[p.pos] == UInt8(ascii: "{") else {
                        throw JSONByteParser.Failure(offset: p.pos, message: "expected a JSON object on each line of a JSON Lines file")
                    }
                    try p.parseObjectFields(into: acc, depth: 0)
                    if !p.atEnd { throw JSONByteParser.Failure(offset: p.pos, message: "extra data after the object") }
                }
            } catch let f as JSONByteParser.Failure {
                throw error(path, bytes, f)
            }
            lineStart = lineEnd + 1
        }
        return acc
    }

    private static func error(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>, _ f: JSONByteParser.Failure) -> DataError {
        let (line, col) = DataFileReader.lineAndColumn(bytes, offset: f.offset)
        if let bad = UTF8Check.firstInvalid(bytes), DataFileReader.lineAndColumn(bytes, offset: bad).line == line {
            return DataFileReader.notUTF8(path, bytes, offset: bad)
        }
        return DataError(.arrowInvalid, "JSON parse error in \(path), line \(line), column \(col): \(f.message)")
    }
}
