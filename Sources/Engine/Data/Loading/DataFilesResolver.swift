import Foundation

/// `data_files` as `load_dataset` accepts it: a path or glob, a list of them (all in
/// the "train" split), or a dict split → path(s).
public enum DataFiles: Equatable, Sendable {
    case files([String])
    case splits([(String, [String])])

    public static func == (a: DataFiles, b: DataFiles) -> Bool {
        switch (a, b) {
        case let (.files(x), .files(y)): return x == y
        case let (.splits(x), .splits(y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: return false
        }
    }
}

/// Turns `data_files` patterns and data directories into concrete files per split, with
/// `datasets`' conventions.
enum DataFilesResolver {
    static let splitKeywords: [(String, [String])] = [
        ("train", ["train", "training"]),
        ("validation", ["validation", "valid", "dev", "val"]),
        ("test", ["test", "testing", "eval", "evaluation"]),
    ]
    static let builderByExtension: [String: String] = [
        "json": "json", "jsonl": "json", "csv": "csv", "tsv": "csv", "txt": "text",
    ]

    /// Expands each pattern (relative to `base`) into sorted files; a pattern matching
    /// nothing is `datasets`' FileNotFoundError.
    static func expand(_ patterns: [String], base: String) throws -> [String] {
        var out: [String] = []
        for pattern in patterns {
            let full = pattern.hasPrefix("/") ? pattern : (base as NSString).appendingPathComponent(pattern)
            if !pattern.contains(where: { "*?[".contains($0) }) {
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir) else {
                    throw DataError.notFound("Unable to find '\(full)'")
                }
                out += isDir.boolValue ? try listFiles(full).map { (full as NSString).appendingPathComponent($0) } : [full]
                continue
            }
            let matches = try matchGlob(full)
            if matches.isEmpty { throw DataError.notFound("Unable to find '\(full)'") }
            out += matches
        }
        return out
    }

    /// Files under `dir`, relative, sorted, skipping hidden files and folders.
    static func listFiles(_ dir: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: dir) else {
            throw DataError.notFound("Unable to read directory '\(dir)'")
        }
        var files: [String] = []
        while let rel = walker.nextObject() as? String {
            if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasPrefix("__") }) { continue }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(rel), isDirectory: &isDir),
               !isDir.boolValue { files.append(rel) }
        }
        return files.sorted()
    }

    /// Glob with `*`, `?`, `[...]`; `**` crosses directories.
    private static func matchGlob(_ pattern: String) throws -> [String] {
        // The fixed directory prefix before the first wildcard component.
        let comps = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let firstWild = comps.firstIndex { $0.contains(where: { "*?[".contains($0) }) } ?? comps.count
        let root = comps[..<firstWild].joined(separator: "/")
        let rest = comps[firstWild...].joined(separator: "/")
        let recursive = rest.contains("**")
        let flags: Int32 = recursive ? 0 : FNM_PATHNAME
        return try listFiles(root.isEmpty ? "/" : root).filter { rel in
            fnmatch(rest.replacingOccurrences(of: "**/", with: "*"), rel, flags) == 0
                || fnmatch(rest, rel, flags) == 0
        }.map { (root as NSString).appendingPathComponent($0) }
    }

    /// `datasets`' split inference for a directory: files (or folders) named `train*`,
    /// `*-test-*`, `validation*`, ... (keyword followed by one of `-._ 0-9` or the end of
    /// the name) go to that split; if none match, every data file is "train". Only files
    /// of the most common data extension count.
    static func inferSplits(directory dir: String) throws -> (builder: String, splits: [(String, [String])]) {
        let files = try listFiles(dir)
        var counts: [String: Int] = [:]
        for f in files {
            if let b = builderByExtension[(f as NSString).pathExtension.lowercased()] { counts[b, default: 0] += 1 }
        }
        guard let builder = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else {
            throw DataError.notFound("No (supported) data files found in \(dir)")
        }
        let dataFiles = files.filter { builderByExtension[($0 as NSString).pathExtension.lowercased()] == builder }
        var splits: [(String, [String])] = []
        for (split, keywords) in splitKeywords {
            let matched = dataFiles.filter { f in keywords.contains { matches(path: f, keyword: $0) } }
            if !matched.isEmpty { splits.append((split, matched.map { (dir as NSString).appendingPathComponent($0) })) }
        }
        if splits.isEmpty { splits = [("train", dataFiles.map { (dir as NSString).appendingPathComponent($0) })] }
        return (builder, splits)
    }

    /// Whether a path component is `keyword[sep]*` or `*[sep]keyword[sep]*` (sep = `-._ 0-9`).
    static func matches(path: String, keyword: String) -> Bool {
        let isSep: (Character) -> Bool = { "-._ ".contains($0) || ($0.isASCII && $0.isNumber) }
        for comp in path.split(separator: "/") {
            let name = comp.lowercased()
            var search = name.startIndex
            while let r = name.range(of: keyword, range: search..<name.endIndex) {
                let beforeOK = r.lowerBound == name.startIndex || isSep(name[name.index(before: r.lowerBound)])
                let afterOK = r.upperBound == name.endIndex || isSep(name[r.upperBound])
                if beforeOK && afterOK { return true }
                search = name.index(after: r.lowerBound)
            }
        }
        return false
    }
}
