import Testing
@testable import Engine

@Suite struct TrainTestSplitTests {
    private func size(_ v: DataValue, isInt: Bool) -> Dataset.SplitSize? {
        switch v {
        case let .int(x): return isInt ? .count(Int(x)) : .fraction(Double(x))
        case let .double(x): return .fraction(x)
        default: return nil
        }
    }

    private func range(_ n: Int) throws -> Dataset {
        try Dataset.fromDict(DataDict([("i", .list((0..<n).map { .int(Int64($0)) }))]))
    }

    @Test func indicesAndReprMatchDatasets() throws {
        let fx = try DataFixtures.load("train_test_split.json")
        #expect(fx["cases"].array.count == 9)
        for c in fx["cases"].array {
            guard let n = c["n"].int, let shuffle = c["shuffle"].bool else { continue }
            let dd = try range(n).trainTestSplit(
                testSize: size(c["test_size"], isInt: c["test_is_int"].bool ?? false),
                trainSize: size(c["train_size"], isInt: c["train_is_int"].bool ?? false),
                shuffle: shuffle, seed: c["seed"].int.map(UInt64.init))
            #expect(try dd.split("train").column("i") == c["train"].array, "case \(c)")
            #expect(try dd.split("test").column("i") == c["test"].array, "case \(c)")
            #expect(dd.description == c["repr"].string)
        }
    }

    @Test func invalidSizesGiveDatasetsErrors() throws {
        let fx = try DataFixtures.load("train_test_split.json")
        for c in fx["errors"].array {
            guard let n = c["n"].int, let message = c["error"].string else { continue }
            #expect(throws: DataError(.value, message)) {
                try range(n).trainTestSplit(testSize: size(c["test_size"], isInt: c["test_is_int"].bool ?? false),
                                            trainSize: size(c["train_size"], isInt: false), seed: 0)
            }
        }
    }
}
