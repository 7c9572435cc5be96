import Foundation

/// The `"csv"` builder. `datasets` reads CSV with pandas' `read_csv` (C engine, defaults)
/// and converts with `pa.Table.from_pandas`, so this follows pandas: the first row is the
/// header; `"` quotes fields (`""` inside is a quote, newlines allowed); blank lines are
/// skipped; short rows are padded with nulls; a row with too many fields is pandas'
/// ParserError; pandas' NA spellings ('', 'NA', 'null', 'nan', ...) are null. Column
/// types: all ints → int64 (float64 if any null, as pandas' NaN forces), all numbers →
/// float64, all True/False spellings → bool, no values → float64, else large_string.
enum CSVLoader {
    static let naValues: Set<String> = ["", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
                                        "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None",
                                        "n/a", "nan", "null"]

    /// `separator` is read_csv's `sep` (one ASCII character).
    static func load(_ path: String, separator: UInt8 = UInt8(ascii: ",")) throws -> [(String, ColumnData)] {
        let data = try DataFileReader.read(path)
        let records: [[String]] = try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let bad = UTF8Check.firstInvalid(bytes) { throw DataFileReader.notUTF8(path, bytes, offset: bad) }
            return try parseRecords(bytes, from: DataFileReader.bomLength(bytes), path: path, separator: separator)
        }
        guard let header = records.first else {
            throw DataError(.value, "EmptyDataError: No columns to parse from file \(path)")
        }
        var cells = [[String?]](repeating: [], count: header.count)
        for (r, record) in records.dropFirst().enumerated() {
            if record.count > header.count {
                throw DataError(.value, "ParserError: Error tokenizing data. C error: Expected \(header.count) fields in line \(r + 2), saw \(record.count) (\(path))")
            }
            for c in header.indices {
                let v = c < record.count ? record[c] : ""
                cells[c].append(naValues.contains(v) ? nil : v)
            }
        }
        return zip(uniqueHeader(header), cells).map { ($0, column($1)) }
    }

    /// pandas renames repeated header names `a, a` to `a, a.1`.
    private static func uniqueHeader(_ header: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return header.map { name in
            let n = seen[name, default: 0]
            seen[name] = n + 1
            return n == 0 ? name : "\(name).\(n)"
        }
    }

    private static func column(_ cells: [String?]) -> ColumnData {
        let present = cells.compactMap { $0 }
        let hasNull = present.count != cells.count
        let validity = hasNull ? cells.map { $0 != nil } : nil
        if present.isEmpty { return .float64([Double](repeating: 0, count: cells.count), validity: validity) }
        let trimmed = present.map { $0.trimmingCharacters(in: .whitespaces) }
        let ints = trimmed.map { Int64($0.hasPrefix("+") ? String($0.dropFirst()) : $0) }
        if ints.allSatisfy({ $0 != nil }) {
            var it = ints.makeIterator()
            if !hasNull { return .int64(ints.map { $0 ?? 0 }, validity: nil) }
            let values = cells.map { $0 == nil ? 0 : Double(it.next().flatMap { $0 } ?? 0) }
            return .float64(values, validity: validity)
        }
        let doubles = trimmed.map(parseDouble)
        if doubles.allSatisfy({ $0 != nil }) {
            var it = doubles.makeIterator()
            return .float64(cells.map { $0 == nil ? 0 : (it.next().flatMap { $0 } ?? 0) }, validity: validity)
        }
        let truths: [String: Bool] = ["True": true, "TRUE": true, "true": true, "False": false, "FALSE": false, "false": false]
        if trimmed.allSatisfy({ truths[$0] != nil }) {
            return .bool(cells.map { $0.flatMap { truths[$0.trimmingCharacters(in: .whitespaces)] } ?? false }, validity: validity)
        }
        return .string(cells.map { $0 ?? "" }, validity: validity, large: true)
    }

    private static func parseDouble(_ s: String) -> Double? {
        guard let first = s.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || (first >= 0x30 && first <= 0x39) || s.lowercased().hasSuffix("inf")
        else { return nil }
        return Double(s)
    }

    /// Splits the bytes into records of fields (RFC 4180 quoting; \n, \r\n or \r end a record).
    static func parseRecords(_ b: UnsafeBufferPointer<UInt8>, from start: Int, path: String,
                             separator: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var i = start
        let n = b.count
        var quotedStart: Int? = nil
        func endField() { record.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
        func endRecord() {
            endField()
            // pandas skips blank lines.
            if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
            record = []
        }
        while i < n {
            let c = b[i]
            if let qs = quotedStart {
                if c == UInt8(ascii: "\"") {
                    if i + 1 < n && b[i + 1] == UInt8(ascii: "\"") { field.append(c); i += 2; continue }
                    quotedStart = nil; i += 1; continue
                }
                _ = qs
                field.append(c); i += 1; continue
            }
            if c == separator { endField(); i += 1; continue }
            switch c {
            case UInt8(ascii: "\""): quotedStart = i; i += 1
            case 0x0a: endRecord(); i += 1
            case 0x0d:
                endRecord(); i += 1
                if i < n && b[i] == 0x0a { i += 1 }
            default: field.append(c); i += 1
            }
        }
        if let qs = quotedStart {
            let (line, col) = DataFileReader.lineAndColumn(b, offset: qs)
            throw DataError(.value, "ParserError: Error tokenizing data. C error: EOF inside string starting at row \(line) (\(path), line \(line), column \(col))")
        }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        return records
    }
}
