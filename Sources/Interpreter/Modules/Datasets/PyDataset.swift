import Engine

/// `datasets.Dataset`: an engine `Dataset` seen from Python, with the API of datasets 5.
final class PyDataset: NativeObject {
    var dataset: Engine.Dataset

    init(_ dataset: Engine.Dataset) {
        self.dataset = dataset
        super.init(cls: PyDataset.pyClass)
    }

    static func wrap(_ d: Engine.Dataset) -> Value { .object(PyDataset(d)) }

    static let pyClass: PyClass = NativeClass<PyDataset>("Dataset", module: "datasets.arrow_dataset")
        .staticMethod("from_list", "mapping") { rt, a in
            let rows = try rt.iterate(a[0]).enumerated().map { i, v -> DataDict in
                guard case .object(let o) = v, let d = o as? PyDict else {
                    throw PyError.typeError("from_list expects a list of dicts; item \(i) is '\(pyTypeName(v))'")
                }
                return try rt.dataDict(d, "row \(i)")
            }
            return wrap(try rt.datasets { try Engine.Dataset.fromList(rows) })
        }
        .staticMethod("from_dict", "mapping") { rt, a in
            guard case .object(let o) = a[0], let d = o as? PyDict else {
                throw PyError.typeError("from_dict expects a dict of lists, not '\(pyTypeName(a[0]))'")
            }
            let dict = try rt.dataDict(d, "mapping")
            return wrap(try rt.datasets { try Engine.Dataset.fromDict(dict) })
        }
        .property("column_names") { rt, this in .object(PyList(this.dataset.columnNames.map { Value.str($0) })) }
        .property("num_rows") { _, this in .int(this.dataset.numRows) }
        .property("num_columns") { _, this in .int(this.dataset.columnNames.count) }
        .property("shape") { _, this in .object(PyTuple([.int(this.dataset.numRows), .int(this.dataset.columnNames.count)])) }
        .property("features") { _, this in .object(PyFeatures(this.dataset.features)) }
        .method("map", "function=None, with_indices=False, with_rank=False, input_columns=None, batched=False, batch_size=1000, drop_last_batch=False, remove_columns=None, keep_in_memory=False, load_from_cache_file=None, cache_file_name=None, writer_batch_size=1000, features=None, disable_nullable=False, fn_kwargs=None, num_proc=None, suffix_template=None, new_fingerprint=None, desc=None") { rt, this, a in
            try PyDataset.refuse(rt, ["with_rank": a[2], "input_columns": a[3], "drop_last_batch": a[6], "features": a[12]])
            return try this.map(rt, function: a[0], withIndices: try rt.truthy(a[1]), batched: try rt.truthy(a[4]),
                         batchSize: a[5].isNone ? nil : try rt.toInt(a[5]), removeColumns: a[7], fnKwargs: a[15], desc: a[18])
        }
        .method("filter", "function=None, with_indices=False, with_rank=False, input_columns=None, batched=False, batch_size=1000, keep_in_memory=False, load_from_cache_file=None, cache_file_name=None, writer_batch_size=1000, fn_kwargs=None, num_proc=None, suffix_template=None, new_fingerprint=None, desc=None") { rt, this, a in
            try PyDataset.refuse(rt, ["with_rank": a[2], "input_columns": a[3]])
            return try this.filter(rt, function: a[0], withIndices: try rt.truthy(a[1]), batched: try rt.truthy(a[4]),
                                   batchSize: a[5].isNone ? nil : try rt.toInt(a[5]), fnKwargs: a[10], desc: a[14])
        }
        .method("select", "indices, keep_in_memory=False, indices_cache_file_name=None, writer_batch_size=1000, new_fingerprint=None") { rt, this, a in
            let indices = try rt.iterate(a[0]).map { try rt.toInt($0) }
            return wrap(try rt.datasets { try this.dataset.select(indices) })
        }
        .method("shuffle", "seed=None, generator=None, keep_in_memory=False, load_from_cache_file=None, indices_cache_file_name=None, writer_batch_size=1000, new_fingerprint=None") { rt, this, a in
            wrap(this.dataset.shuffle(seed: a[0].isNone ? nil : UInt64(truncatingIfNeeded: try rt.toInt(a[0]))))
        }
        .method("train_test_split", "test_size=None, train_size=None, shuffle=True, stratify_by_column=None, seed=None, generator=None, keep_in_memory=False, load_from_cache_file=None, train_indices_cache_file_name=None, test_indices_cache_file_name=None, writer_batch_size=1000, train_new_fingerprint=None, test_new_fingerprint=None") { rt, this, a in
            func size(_ v: Value) throws -> Engine.Dataset.SplitSize? {
                switch v {
                case .none: return nil
                case let .int(i): return .count(i)
                case let .float(f): return .fraction(f)
                default: throw PyError.typeError("test_size/train_size must be an int or a float, not '\(pyTypeName(v))'")
                }
            }
            let dict = try rt.datasets {
                try this.dataset.trainTestSplit(testSize: try size(a[0]), trainSize: try size(a[1]), shuffle: try rt.truthy(a[2]),
                                                seed: a[4].isNone ? nil : UInt64(truncatingIfNeeded: try rt.toInt(a[4])))
            }
            return .object(PyDatasetDict(dict))
        }
        .method("sort", "column_names, reverse=False, null_placement='at_end', keep_in_memory=False, load_from_cache_file=None, indices_cache_file_name=None, writer_batch_size=1000, new_fingerprint=None") { rt, this, a in
            wrap(try rt.datasets { try this.dataset.sort(try rt.toStr(a[0]), reverse: try rt.truthy(a[1])) })
        }
        .method("rename_column", "original_column_name, new_column_name, new_fingerprint=None") { rt, this, a in
            wrap(try rt.datasets { try this.dataset.renameColumn(try rt.toStr(a[0]), to: try rt.toStr(a[1])) })
        }
        .method("remove_columns", "column_names, new_fingerprint=None") { rt, this, a in
            wrap(try rt.datasets { try this.dataset.removeColumns(try PyDataset.names(rt, a[0])) })
        }
        .method("select_columns", "column_names, new_fingerprint=None") { rt, this, a in
            let keep = try PyDataset.names(rt, a[0])
            return wrap(try rt.datasets { try this.dataset.selectColumns(keep) })
        }
        .method("add_column", "name, column, new_fingerprint=None, feature=None") { rt, this, a in
            let values = try rt.iterate(a[1]).map { try rt.dataValue($0, "column") }
            return wrap(try rt.datasets { try this.dataset.addColumn(try rt.toStr(a[0]), values) })
        }
        .method("take", "n") { rt, this, a in
            let n = try rt.toInt(a[0])
            return wrap(try rt.datasets { try this.dataset.select(Array(0..<max(0, n))) })
        }
        .method("skip", "n") { rt, this, a in
            let n = try rt.toInt(a[0])
            return wrap(try rt.datasets { try this.dataset.select(Array(min(max(0, n), this.dataset.numRows)..<this.dataset.numRows)) })
        }
        .method("shard", "num_shards, index, contiguous=True, keep_in_memory=False, indices_cache_file_name=None, writer_batch_size=1000") { rt, this, a in
            let shards = try rt.toInt(a[0]), index = try rt.toInt(a[1])
            guard shards > 0, (0..<shards).contains(index) else { throw PyError.valueError("index should be in [0, num_shards-1]") }
            let n = this.dataset.numRows
            let rows: [Int]
            if try rt.truthy(a[2]) {
                let div = n / shards, mod = n % shards
                let start = div * index + min(index, mod)
                rows = Array(start..<(start + div + (index < mod ? 1 : 0)))
            } else {
                rows = Array(stride(from: index, to: n, by: shards))
            }
            return wrap(try rt.datasets { try this.dataset.select(rows) })
        }
        .method("flatten_indices", "keep_in_memory=False, cache_file_name=None, writer_batch_size=1000, features=None, disable_nullable=False, num_proc=None, new_fingerprint=None") { rt, this, _ in
            // datasets rewrites the rows in their selected order, showing a bar; the rows stay the same.
            let bar = ProgressBar("Flattening the indices", total: this.dataset.numRows, unit: " examples") { rt.output($0, .stderr) }
            bar.update(this.dataset.numRows)
            bar.finish()
            return wrap(try rt.datasets { try this.dataset.select(Array(0..<this.dataset.numRows)) })
        }
        .method("flatten", "new_fingerprint=None, max_depth=16") { _, this, _ in wrap(this.dataset.flatten()) }
        .method("unique", "column") { rt, this, a in
            let values = try rt.datasets { try this.dataset.unique(try rt.toStr(a[0], "column")) }
            return .object(PyList(values.map { rt.value($0) }))
        }
        .method("to_list", "") { rt, this, _ in .object(PyList(this.dataset.toList().map { .object(rt.pyDict($0)) })) }
        .method("to_dict", "batch_size=None") { rt, this, _ in .object(rt.pyDict(this.dataset.toDict())) }
        .method("to_json", "path_or_buf, batch_size=None, num_proc=None, storage_options=None, **to_json_kwargs") { rt, this, a in
            let path = try rt.toStr(a[0])
            let data = this.dataset.toJSONLines()
            try rt.datasets { try this.dataset.toJSON(path: path) }
            return .int(data.count)
        }
        .pyClass

    /// Options sftnb does not implement: given (not None/False), they raise NotImplementedError
    /// naming the option, rather than being ignored.
    static func refuse(_ rt: Interpreter, _ options: KeyValuePairs<String, Value>) throws {
        for (name, value) in options where try rt.truthy(value) {
            throw PyError.notImplemented("datasets' `\(name)=` option")
        }
    }

    static func names(_ rt: Interpreter, _ v: Value) throws -> [String] {
        if case .object(let o) = v, let s = o as? PyStr { return [s.value] }
        return try rt.iterate(v).map { try rt.toStr($0) }
    }

    static func kwargs(_ rt: Interpreter, _ v: Value) throws -> [(String, Value)] {
        guard case .object(let o) = v, let d = o as? PyDict else { return [] }
        var out: [(String, Value)] = []
        for i in 0..<d.table.slotCount {
            if let (k, val) = d.table.slot(i) { out.append((try rt.toStr(k), val)) }
        }
        return out
    }

    func map(_ rt: Interpreter, function: Value, withIndices: Bool, batched: Bool, batchSize: Int?,
             removeColumns: Value, fnKwargs: Value, desc: Value) throws -> Value {
        let remove = removeColumns.isNone ? [] : try PyDataset.names(rt, removeColumns)
        let kwargs = try PyDataset.kwargs(rt, fnKwargs)
        var index = 0
        // datasets shows a bar on stderr for every map (tqdm's layout), titled by `desc`.
        let bar = ProgressBar(desc.isNone ? "Map" : try rt.toStr(desc), total: dataset.numRows, unit: " examples") { rt.output($0, .stderr) }
        defer { bar.finish() }
        func apply(_ input: DataDict, count: Int) throws -> DataDict? {
            defer { bar.update(count) }
            if function.isNone { return nil }
            var args: [Value] = [.object(rt.pyDict(input))]
            if withIndices {
                args.append(batched ? .object(PyList((index..<(index + count)).map { .int($0) })) : .int(index))
            }
            index += count
            let result = try rt.call(function, args, kwargs)
            if result.isNone { return nil }
            // A tokenizer's BatchEncoding is a dict for datasets (it subclasses UserDict).
            let dictResult = (result.asObject as? PyBatchEncoding)?.data ?? result.asObject as? PyDict
            guard let d = dictResult else {
                throw PyError.typeError("Provided `function` which is applied to all elements of table returns a variable of type <class '\(pyTypeName(result))'>. Make sure provided `function` returns a variable of type `dict` (or a pyarrow table) to update the dataset or `None` if you are only interested in side effects.")
            }
            return try rt.dataDict(d, "the mapped function's result")
        }
        if batched {
            return PyDataset.wrap(try rt.datasets {
                try dataset.mapBatched(batchSize: batchSize, removeColumns: remove) { batch in
                    try apply(batch, count: batch.values.first?.listValue?.count ?? 0)
                }
            })
        }
        return PyDataset.wrap(try rt.datasets { try dataset.map(removeColumns: remove) { try apply($0, count: 1) } })
    }

    /// `filter`: one call per row, or with `batched=True` one call per batch of a dict of lists
    /// whose result is zipped with the batch's rows (as datasets does: extra flags are ignored,
    /// missing ones drop their rows).
    func filter(_ rt: Interpreter, function: Value, withIndices: Bool, batched: Bool, batchSize: Int?,
                fnKwargs: Value, desc: Value) throws -> Value {
        let kwargs = try PyDataset.kwargs(rt, fnKwargs)
        var index = 0
        let bar = ProgressBar(desc.isNone ? "Filter" : try rt.toStr(desc), total: dataset.numRows,
                              unit: " examples") { rt.output($0, .stderr) }
        defer { bar.finish() }
        if function.isNone {  // datasets' default predicate keeps every row
            bar.update(dataset.numRows)
            return .object(PyDataset(dataset))
        }
        if batched {
            return PyDataset.wrap(try rt.datasets {
                try dataset.filterBatched(batchSize: batchSize) { batch in
                    let count = batch.values.first?.listValue?.count ?? 0
                    defer { index += count; bar.update(count) }
                    var args: [Value] = [.object(rt.pyDict(batch))]
                    if withIndices { args.append(.object(PyList((index..<(index + count)).map { .int($0) }))) }
                    var flags: [Bool] = []
                    for flag in try rt.iterate(try rt.call(function, args, kwargs)) where flags.count < count {
                        flags.append(try rt.truthy(flag))
                    }
                    return flags + Array(repeating: false, count: count - flags.count)
                }
            })
        }
        return PyDataset.wrap(try rt.datasets {
            try dataset.filter { row in
                defer { index += 1; bar.update() }
                var args: [Value] = [.object(rt.pyDict(row))]
                if withIndices { args.append(.int(index)) }
                return try rt.truthy(try rt.call(function, args, kwargs))
            }
        })
    }

    override func repr(_ rt: Interpreter) throws -> String { dataset.description }

    override func length(_ rt: Interpreter) throws -> Int? { dataset.numRows }

    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        switch key {
        case let .int(i):
            let n = dataset.numRows
            let index = i < 0 ? i + n : i
            guard index >= 0 && index < n else { throw PyError.indexError("Index \(i) out of range for dataset of size \(n).") }
            return .object(rt.pyDict(try rt.datasets { try dataset.row(index) }))
        case let .object(o):
            if let s = o as? PyStr {
                // datasets' Column(...) raises ValueError("Column 'b' doesn't exist.") for a missing column.
                return .object(PyColumn(try rt.datasets { try dataset.column(s.value) }))
            }
            if let slice = o as? PySlice {
                let indices = try rt.indices(of: slice, count: dataset.numRows)
                return .object(rt.pyDict(try rt.datasets { try dataset.rows(indices) }))
            }
            if o is PyList || o is PyRange {
                let indices = try rt.iterate(key).map { try rt.toInt($0) }
                return .object(rt.pyDict(try rt.datasets { try dataset.rows(indices) }))
            }
            fallthrough
        default:
            throw PyError.typeError("Wrong key type: '\(try rt.repr(key))' of type '<class '\(pyTypeName(key))'>'. Expected one of int, slice, range, str or Iterable.")
        }
    }

    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        var i = 0
        return { [dataset] in
            guard i < dataset.numRows else { return nil }
            defer { i += 1 }
            return .object(rt.pyDict(try rt.datasets { try dataset.row(i) }))
        }
    }
}

/// `Dataset.features`: shown as datasets shows it (`{'text': Value('string')}`).
final class PyFeatures: NativeObject {
    let features: Features
    init(_ features: Features) {
        self.features = features
        super.init(cls: PyFeatures.pyClass)
    }
    static let pyClass = NativeClass<PyFeatures>("Features", module: "datasets.features.features").pyClass
    override func repr(_ rt: Interpreter) throws -> String { features.description }
    override func length(_ rt: Interpreter) throws -> Int? { features.names.count }
}

/// `ds["column"]` in datasets 5: a list-like `Column` (indexing and slicing give plain values).
final class PyColumn: NativeObject {
    let values: [DataValue]
    init(_ values: [DataValue]) {
        self.values = values
        super.init(cls: PyColumn.pyClass)
    }
    static let pyClass = NativeClass<PyColumn>("Column", module: "datasets.arrow_dataset").pyClass

    override func repr(_ rt: Interpreter) throws -> String {
        let shown = try values.prefix(5).map { try rt.repr(rt.value($0)) }
        return "Column([" + shown.joined(separator: ", ") + (values.count > 5 ? ", ...])" : "])")
    }
    override func length(_ rt: Interpreter) throws -> Int? { values.count }
    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        if case .object(let o) = key, let slice = o as? PySlice {
            return .object(PyList(try rt.indices(of: slice, count: values.count).map { rt.value(values[$0]) }))
        }
        let i = try rt.toInt(key)
        let index = i < 0 ? i + values.count : i
        guard index >= 0 && index < values.count else { throw PyError.indexError("list index out of range") }
        return rt.value(values[index])
    }
    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        var i = 0
        return { [values] in
            guard i < values.count else { return nil }
            defer { i += 1 }
            return rt.value(values[i])
        }
    }
    override func equals(_ rt: Interpreter, _ other: Value) throws -> Bool? {
        guard case .object(let o) = other else { return false }
        if let c = o as? PyColumn { return c.values == values }
        if o is PyList || o is PyTuple { return try rt.iterate(other).map { try rt.dataValue($0, "item") } == values }
        return false
    }
}

extension Interpreter {
    /// The positions a slice selects from a sequence of `count` items.
    func indices(of slice: PySlice, count: Int) throws -> [Int] {
        let (start, _, step, n) = try sliceIndices(slice, count)
        return (0..<n).map { start + $0 * step }
    }
}
