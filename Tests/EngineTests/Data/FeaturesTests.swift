import Testing
@testable import Engine

/// Schema inference, `features` reprs and data-set reprs against `datasets`.
@Suite struct FeaturesTests {
    @Test func fromListFeaturesReprAndRowsMatchDatasets() throws {
        let fx = try DataFixtures.load("features.json")
        let cases = fx["cases"].array
        #expect(cases.count == 5)
        for c in cases {
            let rows = c["rows"].array.compactMap(\.dictValue)
            let ds = try Dataset.fromList(rows)
            #expect(ds.features.description == c["features"].string)
            #expect(ds.description == c["repr"].string)
            // Python writes 1.0 for a float cell; the fixture parser reads it back as a double.
            #expect(ds.toList().map { DataValue.dict($0) } == c["to_list"].array)
        }
    }

    @Test func datasetDictRepr() throws {
        let fx = try DataFixtures.load("features.json")
        let rows = fx["cases"].array[0]["rows"].array.compactMap(\.dictValue)
        let dd = DatasetDict([("train", try Dataset.fromList(rows)), ("test", try Dataset.fromList(Array(rows.prefix(1))))])
        #expect(dd.description == fx["dataset_dict_repr"].string)
        let renamed = try dd.mapSplits { _, ds in try ds.renameColumn("text", to: "prompt") }
        #expect(renamed.keys == ["train", "test"])
        #expect(try renamed.split("test").columnNames == ["prompt", "label"])
        #expect(renamed.numRows.map(\.1) == [2, 1])
        #expect(throws: DataError(.key, "'validation'")) { try dd.split("validation") }
    }

    /// from_list / from_dict use pyarrow's strict conversion (messages from datasets 5.2).
    @Test func mixedTypesInPythonListsAreArrowErrors() {
        #expect(throws: DataError(.arrowInvalid, "Could not convert 'x' with type str: tried to convert to int64")) {
            try Dataset.fromList([DataDict([("a", .int(1))]), DataDict([("a", .string("x"))])])
        }
        #expect(throws: DataError(.arrowInvalid, "Could not convert 1 with type int: tried to convert to boolean")) {
            try Dataset.fromDict(DataDict([("a", .list([.bool(true), .int(1)]))]))
        }
        #expect(throws: DataError(.arrowInvalid, "Column 1 named b expected length 1 but got length 2")) {
            try Dataset.fromDict(DataDict([("a", .list([.int(1)])), ("b", .list([.int(1), .int(2)]))]))
        }
        #expect(throws: DataError(.type, "'int' object is not iterable")) {
            try Dataset.fromDict(DataDict([("a", .int(5))]))
        }
        #expect(throws: Never.self) {
            let ds = try Dataset.fromDict(DataDict([("a", .list([.int(1), .double(2.5)]))]))
            #expect(ds.features.description == "{'a': Value('float64')}")
        }
    }

    @Test func typeMergingRules() {
        #expect(DataType.int64.merging(.double(1.5)) == .float64)
        #expect(DataType.int64.merging(.string("x")) == .json)
        #expect(DataType.null.merging(.list([.int(1)])) == .list(.int64))
        #expect(DataType.bool.merging(.int(1)) == .json)
        let s = DataType.of(.dict(DataDict([("a", .int(1))]))).merging(.dict(DataDict([("b", .string("x"))])))
        #expect(s == .structure(["a", "b"], [.int64, .string]))
        #expect(s.featureRepr == "{'a': Value('int64'), 'b': Value('string')}")
    }

    @Test func rowColumnAndSliceAccess() throws {
        let ds = try Dataset.fromDict(DataDict([("t", .list([.string("a"), .string("b"), .string("c")])),
                                                ("n", .list([.int(1), .null, .int(3)]))]))
        #expect(ds.numRows == 3)
        #expect(try ds.row(-1) == DataDict([("t", .string("c")), ("n", .int(3))]))
        #expect(try ds.column("n") == [.int(1), .null, .int(3)])
        #expect(try ds.rows([0, 2]) == DataDict([("t", .list([.string("a"), .string("c")])), ("n", .list([.int(1), .int(3)]))]))
        #expect(throws: DataError(.index, "Invalid key: 3 is out of bounds for size 3")) { try ds.row(3) }
        #expect(throws: DataError(.value, "Column 'nope' doesn't exist.")) { try ds.column("nope") }
        #expect(throws: DataError.self) { try ds.sort("nope") }
    }
}
