import Testing
@testable import Engine

/// The typed builders the JSON loader parses into, including the merge of parallel
/// chunks whose types or keys differ (which small test files never reach).
@Suite struct ColumnBuilderTests {
    private func column(_ lines: [String]) throws -> ColumnBuilder {
        let root = ColumnBuilder()
        _ = root.beginStruct()
        for line in lines {
            let bytes = Array(line.utf8)
            try bytes.withUnsafeBufferPointer { buf in
                var p = JSONByteParser(buf)
                p.skipWhitespace()
                try p.parseObjectFields(into: root, depth: 0)
            }
        }
        return root
    }

    private func rows(_ b: ColumnBuilder) -> [DataValue] { b.finish().values }

    /// Parsing all lines at once must equal parsing two halves and merging them.
    private func checkSplitInvariance(_ lines: [String]) throws {
        let whole = try column(lines)
        for cut in 0...lines.count {
            let a = try column(Array(lines[..<cut])), b = try column(Array(lines[cut...]))
            let merged = ColumnBuilder()
            _ = merged.beginStruct()
            merged.append(contentsOf: a)
            merged.append(contentsOf: b)
            #expect(rows(merged) == rows(whole), "cut at \(cut)")
            #expect(merged.finish().dataType == whole.finish().dataType, "cut at \(cut)")
        }
    }

    @Test func typesAcrossRowsAndChunks() throws {
        try checkSplitInvariance(["{\"a\": 1}", "{\"a\": 2.5}", "{\"a\": null}", "{\"b\": \"x\"}"])
        try checkSplitInvariance(["{\"a\": 1}", "{\"a\": \"two\"}", "{\"a\": [1]}"])
        try checkSplitInvariance(["{\"m\": [{\"r\": \"u\", \"c\": \"hi\"}]}", "{\"m\": []}", "{\"m\": [{\"c\": \"yo\", \"x\": 1}]}", "{\"m\": null}"])
        try checkSplitInvariance(["{\"s\": {\"k\": 1}}", "{\"s\": {\"k\": \"v\"}}", "{\"t\": true}"])
        try checkSplitInvariance(["{\"l\": [1, 2.5]}", "{\"l\": [[1]]}", "{\"l\": []}"])
    }

    @Test func inferredTypesMatchDataTypeMerging() throws {
        let b = try column(["{\"a\": 1, \"s\": {\"x\": 1}}", "{\"a\": 2.5, \"s\": {\"x\": \"y\"}}", "{\"l\": [true]}"])
        let t = b.finish().dataType
        #expect(t.featureRepr == "{'a': Value('float64'), 's': {'x': Json(decode=True)}, 'l': List(Value('bool'))}")
        #expect(rows(b)[2] == .dict(DataDict([("a", .null), ("s", .null), ("l", .list([.bool(true)]))])))
    }

    @Test func duplicateKeyIsAnError() throws {
        #expect(throws: JSONByteParser.Failure.self) { try column(["{\"a\": 1, \"a\": 2}"]) }
    }
}
