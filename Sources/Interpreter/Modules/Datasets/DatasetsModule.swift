import Engine
import Foundation

/// The `datasets` module: `load_dataset`, `Dataset`, `DatasetDict`, on sftnb's data engine.
enum DatasetsModule: NativeModule {
    static let name = "datasets"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name, doc: "Data sets for fine-tuning: load_dataset, Dataset, DatasetDict (sftnb's offline datasets).")
        m.function("load_dataset", "path, name=None, data_dir=None, data_files=None, split=None, cache_dir=None, features=None, download_config=None, download_mode=None, verification_mode=None, keep_in_memory=None, save_infos=False, revision=None, token=None, streaming=False, num_proc=None, storage_options=None, **config_kwargs") { rt, a in
            var options = LoadOptions(path: try rt.toStr(a[0]))
            if !a[1].isNone { options.name = try rt.toStr(a[1]) }
            if !a[2].isNone { options.dataDir = try rt.toStr(a[2]) }
            options.dataFiles = try dataFiles(rt, a[3])
            if !a[4].isNone { options.split = try rt.toStr(a[4]) }
            if try rt.truthy(a[14]) { throw PyError.notImplemented("load_dataset(streaming=True)") }
            try PyDataset.refuse(rt, ["features": a[6]])
            for (key, value) in try PyDataset.kwargs(rt, a[17]) {
                switch key {
                case "field": options.field = try rt.toStr(value)
                case "sep", "delimiter": options.csvSeparator = try rt.toStr(value).first
                case "keep_linebreaks": options.keepLinebreaks = try rt.truthy(value)
                default: throw PyError.typeError("load_dataset() got an unexpected keyword argument '\(key)'")
                }
            }
            options.stdlibRoot = ModuleLoader.stdlibDirectory()
            switch try rt.datasets({ try DatasetLoader.load(options) }) {
            case let .dataset(ds): return PyDataset.wrap(ds)
            case let .datasetDict(dd): return .object(PyDatasetDict(dd))
            }
        }
        m.function("concatenate_datasets", "dsets, info=None, split=None, axis=0") { rt, a in
            var parts: [Engine.Dataset] = []
            for (i, item) in try rt.iterate(a[0]).enumerated() {
                guard case .object(let o) = item, let ds = o as? PyDataset else {
                    throw PyError.valueError("Expected a list of Dataset objects or a list of IterableDataset objects, but element at position \(i) is a \(pyTypeName(item)).")
                }
                parts.append(ds.dataset)
            }
            try PyDataset.refuse(rt, ["info": a[1], "split": a[2]])
            let axis = try rt.toInt(a[3])
            return PyDataset.wrap(try rt.datasets { try Engine.Dataset.concatenateDatasets(parts, axis: axis) })
        }
        m.value("Dataset", .object(PyDataset.pyClass))
        m.value("DatasetDict", .object(PyDatasetDict.pyClass))
        m.value("__version__", .str("5.2.0"))
        return m.module
    }

    /// `data_files` as a str, a list of str, or a dict of split → str or list.
    static func dataFiles(_ rt: Interpreter, _ v: Value) throws -> DataFiles? {
        if v.isNone { return nil }
        if case .object(let o) = v, let d = o as? PyDict {
            var splits: [(String, [String])] = []
            for i in 0..<d.table.slotCount {
                guard let (k, files) = d.table.slot(i) else { continue }
                splits.append((try rt.toStr(k), try PyDataset.names(rt, files)))
            }
            return .splits(splits)
        }
        return .files(try PyDataset.names(rt, v))
    }
}
