import Engine

/// `datasets.DatasetDict`: splits by name (`dd["train"]`), as `load_dataset` returns without `split`.
final class PyDatasetDict: NativeObject {
    var dict: Engine.DatasetDict

    init(_ dict: Engine.DatasetDict) {
        self.dict = dict
        super.init(cls: PyDatasetDict.pyClass)
    }

    static let pyClass: PyClass = NativeClass<PyDatasetDict>("DatasetDict", module: "datasets.dataset_dict")
        .constructor("mapping=None, **kwargs") { rt, a in
            // A dict subclass: the splits are set one by one, as `dd[name] = ds`.
            let made = PyDatasetDict(Engine.DatasetDict([]))
            if !a[0].isNone {
                guard case .object(let o) = a[0], let d = o as? PyDict else {
                    throw PyError.typeError("DatasetDict() expects a dict of splits, not '\(pyTypeName(a[0]))'")
                }
                for i in 0..<d.table.slotCount { if let (k, v) = d.table.slot(i) { try made.setItem(rt, k, v) } }
            }
            for (k, v) in try PyDataset.kwargs(rt, a[1]) { try made.setItem(rt, .str(k), v) }
            return made
        }
        .method("filter", "*args, **kwargs") { rt, this, a in try this.perSplit(rt, "filter", a) }
        .method("remove_columns", "*args, **kwargs") { rt, this, a in try this.perSplit(rt, "remove_columns", a) }
        .method("rename_column", "*args, **kwargs") { rt, this, a in try this.perSplit(rt, "rename_column", a) }
        .method("select_columns", "*args, **kwargs") { rt, this, a in try this.perSplit(rt, "select_columns", a) }
        .method("sort", "*args, **kwargs") { rt, this, a in try this.perSplit(rt, "sort", a) }
        .method("flatten_indices", "*args, **kwargs") { rt, this, a in try this.perSplit(rt, "flatten_indices", a) }
        .method("keys", "") { _, this, _ in .object(PyList(this.dict.keys.map { Value.str($0) })) }
        .method("values", "") { _, this, _ in .object(PyList(this.dict.splits.map { PyDataset.wrap($0.dataset) })) }
        .method("items", "") { _, this, _ in
            .object(PyList(this.dict.splits.map { .object(PyTuple([.str($0.name), PyDataset.wrap($0.dataset)])) }))
        }
        .property("column_names") { rt, this in
            let d = PyDict()
            for (name, ds) in this.dict.splits { d.setString(name, .object(PyList(ds.columnNames.map { Value.str($0) }))) }
            return .object(d)
        }
        .property("num_rows") { _, this in
            let d = PyDict()
            for (name, ds) in this.dict.splits { d.setString(name, .int(ds.numRows)) }
            return .object(d)
        }
        .method("map", "function=None, with_indices=False, with_rank=False, input_columns=None, batched=False, batch_size=1000, drop_last_batch=False, remove_columns=None, keep_in_memory=False, load_from_cache_file=None, cache_file_names=None, writer_batch_size=1000, features=None, disable_nullable=False, fn_kwargs=None, num_proc=None, desc=None") { rt, this, a in
            var splits: [(String, Engine.Dataset)] = []
            for (name, ds) in this.dict.splits {
                let mapped = try PyDataset(ds).map(rt, function: a[0], withIndices: try rt.truthy(a[1]), batched: try rt.truthy(a[4]),
                                                   batchSize: a[5].isNone ? nil : try rt.toInt(a[5]), removeColumns: a[7], fnKwargs: a[14], desc: a[16])
                guard case .object(let o) = mapped, let pd = o as? PyDataset else { continue }
                splits.append((name, pd.dataset))
            }
            return .object(PyDatasetDict(Engine.DatasetDict(splits)))
        }
        .method("shuffle", "seeds=None, seed=None, generators=None, keep_in_memory=False, load_from_cache_file=None, indices_cache_file_names=None, writer_batch_size=1000") { rt, this, a in
            let seedValue = a[1].isNone ? a[0] : a[1]
            let seed: UInt64? = seedValue.isNone ? nil : UInt64(truncatingIfNeeded: try rt.toInt(seedValue))
            return .object(PyDatasetDict(Engine.DatasetDict(this.dict.splits.map { ($0.name, $0.dataset.shuffle(seed: seed)) })))
        }
        .pyClass

    /// A `Dataset` method applied to every split with the same arguments, as datasets'
    /// DatasetDict methods do.
    private func perSplit(_ rt: Interpreter, _ method: String, _ a: [Value]) throws -> Value {
        let args = try rt.iterate(a[0]), kwargs = try PyDataset.kwargs(rt, a[1])
        var splits: [(String, Engine.Dataset)] = []
        for (name, ds) in dict.splits {
            let out = try rt.call(try rt.getAttr(PyDataset.wrap(ds), method), args, kwargs)
            guard case .object(let o) = out, let pd = o as? PyDataset else { continue }
            splits.append((name, pd.dataset))
        }
        return .object(PyDatasetDict(Engine.DatasetDict(splits)))
    }

    /// `dd["validation"] = ds`: adds or replaces a split.
    override func setItem(_ rt: Interpreter, _ key: Value, _ value: Value) throws {
        guard case .object(let o) = value, let ds = o as? PyDataset else {
            throw PyError.typeError("DatasetDict values must be Dataset objects, not '\(pyTypeName(value))'")
        }
        let name = try rt.toStr(key)
        var splits = dict.splits.map { ($0.name, $0.dataset) }
        if let i = splits.firstIndex(where: { $0.0 == name }) { splits[i].1 = ds.dataset } else { splits.append((name, ds.dataset)) }
        dict = Engine.DatasetDict(splits)
    }

    override func repr(_ rt: Interpreter) throws -> String { dict.description }
    override func length(_ rt: Interpreter) throws -> Int? { dict.splits.count }

    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        let name = try rt.toStr(key)
        guard let ds = dict[name] else { throw PyError.keyError(key) }
        return PyDataset.wrap(ds)
    }

    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        var i = 0
        return { [dict] in
            guard i < dict.splits.count else { return nil }
            defer { i += 1 }
            return .str(dict.splits[i].name)
        }
    }
}
