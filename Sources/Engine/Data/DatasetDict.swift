/// `datasets.DatasetDict`: named splits in order (`train`, then `test`, ...).
public struct DatasetDict: Sendable, CustomStringConvertible {
    public private(set) var splits: [(name: String, dataset: Dataset)]

    public init(_ splits: [(String, Dataset)]) { self.splits = splits.map { (name: $0.0, dataset: $0.1) } }

    public var keys: [String] { splits.map(\.name) }

    public subscript(name: String) -> Dataset? {
        get { splits.first { $0.name == name }?.dataset }
        set {
            if let i = splits.firstIndex(where: { $0.name == name }) {
                if let d = newValue { splits[i].dataset = d } else { splits.remove(at: i) }
            } else if let d = newValue { splits.append((name: name, dataset: d)) }
        }
    }

    /// `dd["train"]` with `datasets`' KeyError for a missing split.
    public func split(_ name: String) throws -> Dataset {
        guard let d = self[name] else { throw DataError.key("'\(name)'") }
        return d
    }

    /// `dd.map(...)`, `dd.filter(...)`, `dd.shuffle(seed=s)`, `dd.remove_columns(...)`, ...:
    /// `datasets` applies the same call to every split (the same seed for each split
    /// when one int is given), keeping the split order.
    public func mapSplits(_ transform: (String, Dataset) throws -> Dataset) rethrows -> DatasetDict {
        DatasetDict(try splits.map { ($0.name, try transform($0.name, $0.dataset)) })
    }

    /// `dd.num_rows` / `dd.column_names`: per split, in order.
    public var numRows: [(String, Int)] { splits.map { ($0.name, $0.dataset.numRows) } }

    /// `DatasetDict({\n    train: Dataset({...})\n    test: ...\n})`, as `datasets` prints it.
    public var description: String {
        var s = "DatasetDict({\n"
        for (name, ds) in splits { s += "    \(name): \(ds.repr(indent: "    "))\n" }
        return s + "})"
    }
}
