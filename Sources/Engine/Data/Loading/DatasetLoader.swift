import Foundation

/// `load_dataset(path, name=None, data_dir=None, data_files=None, split=None, **kw)`.
///
/// `path` is a builder (`"json"`, `"csv"`, `"text"`) used with `data_files`; a local
/// directory or data file; or the name of a bundled data set, looked up in
/// `<stdlib>/data/NAME/` (stdlib root from `stdlibRoot`, else `$SFTNB_STDLIB`) and then
/// `$SFTNB_DATASETS/NAME/`. Hub names are never downloaded nor replaced by a look-alike:
/// they fail with a FileNotFoundError that says how to export the data with Python
/// and load it here.
public struct LoadOptions: Sendable {
    public var path: String
    /// The configuration name; only the default (nil) exists for local and bundled data.
    public var name: String? = nil
    public var dataDir: String? = nil
    public var dataFiles: DataFiles? = nil
    public var split: String? = nil
    /// The stdlib folder (holding `data/`); nil = `$SFTNB_STDLIB`.
    public var stdlibRoot: String? = nil
    /// Base for relative paths; nil = the current directory.
    public var workingDirectory: String? = nil
    /// JSON builder: the key of the list of rows when the file is one object.
    public var field: String? = nil
    /// CSV builder: `sep` (default `,`, or a tab for `.tsv` files).
    public var csvSeparator: Character? = nil
    /// Text builder options.
    public var sampleBy: TextSampling = .line
    public var keepLinebreaks: Bool = false

    public init(path: String, dataFiles: DataFiles? = nil, split: String? = nil) {
        self.path = path; self.dataFiles = dataFiles; self.split = split
    }
}

/// What `load_dataset` returns: a `DatasetDict` without `split`, a `Dataset` with one.
public enum LoadedData: Sendable {
    case dataset(Dataset)
    case datasetDict(DatasetDict)
}

public enum DatasetLoader {
    public static let builders = ["json", "csv", "text"]

    public static func load(_ o: LoadOptions) throws -> LoadedData {
        if let name = o.name {
            throw DataError.value("BuilderConfig '\(name)' not found: sftnb's bundled and local data sets have only the default configuration (name=None).")
        }
        let cwd = o.workingDirectory ?? FileManager.default.currentDirectoryPath
        let (builder, files) = try resolve(o, cwd: cwd)
        var loaded: [(String, Dataset)] = []
        for (split, paths) in files {
            let parts = try paths.map { try loadFile($0, builder: builder, options: o) }
            loaded.append((split, try Dataset.concatenate(parts)))
        }
        guard let spec = o.split else { return .datasetDict(DatasetDict(loaded)) }
        let sizes = Dictionary(loaded.map { ($0.0, $0.1.numRows) }, uniquingKeysWith: { a, _ in a })
        let ranges = try SplitSpec(spec).ranges(sizes: sizes, order: loaded.map(\.0))
        var pieces: [Dataset] = []
        for (split, range, _) in ranges {
            guard let ds = loaded.first(where: { $0.0 == split })?.1 else { continue }
            pieces.append(range == 0..<ds.numRows ? ds : try ds.select(Array(range)))
        }
        let result = try Dataset.concatenate(pieces)
        if ranges.allSatisfy({ $0.take == 0 }) {
            throw DataError.value("Instruction \"\(spec)\" corresponds to no data!")
        }
        return .dataset(result)
    }

    /// Loads one data file with a builder.
    public static func loadFile(_ path: String, builder: String, options o: LoadOptions = LoadOptions(path: "")) throws -> Dataset {
        switch builder {
        case "json": return try Dataset(columns: JSONLoader.load(path, field: o.field))
        case "csv":
            let sep = o.csvSeparator ?? (path.lowercased().hasSuffix(".tsv") ? "\t" : ",")
            guard let byte = sep.asciiValue else { throw DataError.value("sep must be one ASCII character, got \(pythonStringRepr(String(sep)))") }
            return try Dataset(columns: CSVLoader.load(path, separator: byte))
        case "text":
            let lines = try TextLoader.load(path, sampleBy: o.sampleBy, keepLinebreaks: o.keepLinebreaks)
            return try Dataset(columns: [("text", .string(lines, validity: nil, large: false))])
        default: throw DataError.notImplemented("the '\(builder)' builder (sftnb supports json, csv and text)")
        }
    }

    /// The builder and the files of each split.
    static func resolve(_ o: LoadOptions, cwd: String) throws -> (String, [(String, [String])]) {
        func absolute(_ p: String, _ base: String) -> String { p.hasPrefix("/") ? p : (base as NSString).appendingPathComponent(p) }
        if builders.contains(o.path) {
            let base = o.dataDir.map { absolute($0, cwd) } ?? cwd
            guard let df = o.dataFiles else {
                if o.dataDir != nil { return (o.path, try DataFilesResolver.inferSplits(directory: base).splits) }
                throw DataError.value("At least one data file must be specified, but got data_files=None")
            }
            return (o.path, try expand(df, base: base))
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let local = absolute(o.path, cwd)
        if fm.fileExists(atPath: local, isDirectory: &isDir) {
            if !isDir.boolValue {
                let ext = (local as NSString).pathExtension.lowercased()
                guard let b = DataFilesResolver.builderByExtension[ext] else {
                    throw DataError.value("Cannot load '\(o.path)': unknown data file extension '.\(ext)'. Use load_dataset(\"json\"|\"csv\"|\"text\", data_files=\"\(o.path)\").")
                }
                return (b, [("train", [local])])
            }
            return try directory(local, o)
        }
        var looked: [String] = [local]
        let stdlib = o.stdlibRoot ?? ProcessInfo.processInfo.environment["SFTNB_STDLIB"]
        if let stdlib {
            let dir = ((stdlib as NSString).appendingPathComponent("data") as NSString).appendingPathComponent(o.path)
            if fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue { return try directory(dir, o) }
            looked.append(dir)
        }
        if let extra = ProcessInfo.processInfo.environment["SFTNB_DATASETS"] {
            let dir = (extra as NSString).appendingPathComponent(o.path)
            if fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue { return try directory(dir, o) }
            looked.append(dir)
        }
        throw notFound(o.path, looked: looked, stdlibKnown: stdlib != nil)
    }

    private static func directory(_ dir: String, _ o: LoadOptions) throws -> (String, [(String, [String])]) {
        let base = o.dataDir.map { (dir as NSString).appendingPathComponent($0) } ?? dir
        let inferred = try DataFilesResolver.inferSplits(directory: base)
        if let df = o.dataFiles { return (inferred.builder, try expand(df, base: base)) }
        return inferred
    }

    private static func expand(_ df: DataFiles, base: String) throws -> [(String, [String])] {
        switch df {
        case let .files(patterns): return [("train", try DataFilesResolver.expand(patterns, base: base))]
        case let .splits(pairs): return try pairs.map { ($0.0, try DataFilesResolver.expand($0.1, base: base)) }
        }
    }

    static func notFound(_ name: String, looked: [String], stdlibKnown: Bool) -> DataError {
        var msg = "Couldn't find dataset '\(name)': sftnb runs offline and cannot download from the Hugging Face Hub.\n"
        msg += "Looked in:\n" + looked.map { "  - \($0)" }.joined(separator: "\n")
        if !stdlibKnown { msg += "\n  (the bundled data sets were not searched: set SFTNB_STDLIB to the stdlib folder)" }
        let file = exportName(name)
        msg += "\nTo use it, export it once with Python where `datasets` can reach the Hub, either one split:\n"
        msg += "    from datasets import load_dataset\n"
        msg += "    load_dataset(\"\(name)\", split=\"train\").to_json(\"\(file).jsonl\")\n"
        msg += "  and load it here with load_dataset(\"json\", data_files=\"\(file).jsonl\");\n"
        msg += "or every split into a folder named like the data set, so that this very call works unchanged:\n"
        msg += "    for split, ds in load_dataset(\"\(name)\").items(): ds.to_json(f\"\(name)/{split}.jsonl\")\n"
        msg += "  (run it in the notebook's folder, or in $SFTNB_DATASETS).\n"
        msg += "Bundled look-alikes (different data): sftnb/movie-reviews, sftnb/code-instructions, sftnb/prompt-completion, sftnb/chat."
        return DataError.notFound(msg)
    }

    private static func exportName(_ name: String) -> String {
        String(name.split(separator: "/").last ?? Substring(name)).lowercased()
    }
}
