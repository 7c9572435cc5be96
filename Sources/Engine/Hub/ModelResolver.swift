import Foundation

// Public API (model ids):
//   let resolver = ModelResolver(stdlibRoot: "/path/to/stdlib")  // or env SFTNB_STDLIB
//   let found = try resolver.resolve("HuggingFaceTB/SmolLM-135M", requiring: ModelResolver.modelFiles)
//   found.directory, found.source (.localPath / .huggingFaceCache / .bundled)
//   Tokenizers: requiring: ModelResolver.tokenizerFiles (or any list the caller needs).

/// Finds the directory of a model (or tokenizer) from what a user passes to
/// `from_pretrained`, in the order sftnb promises: a local path; the Hugging Face cache
/// (`$HF_HUB_CACHE`, else `$HF_HOME/hub`, else `~/.cache/huggingface/hub`, folder
/// `models--ORG--NAME/snapshots/<commit>` with the commit named by `refs/main` preferred);
/// the models bundled under `stdlib/models/ORG/NAME`. sftnb never downloads: when nothing
/// matches, the error lists every place looked and how to provide the files.
public struct ModelResolver: Sendable {
    /// Where a directory was found.
    public enum Source: String, Sendable {
        case localPath = "local path"
        case huggingFaceCache = "Hugging Face cache"
        case bundled = "bundled stdlib models"
    }

    public struct Resolved: Equatable, Sendable {
        public let directory: String
        public let source: Source
    }

    /// Files a model directory must hold: each inner list is a set of alternatives.
    public static let modelFiles: [[String]] = [["config.json"], ["model.safetensors", "model.safetensors.index.json"]]
    /// Files a tokenizer directory must hold (fast tokenizer, or the GPT-2 style vocab/merges pair).
    public static let tokenizerFiles: [[String]] = [["tokenizer.json", "vocab.json"]]

    /// The Hub cache directory (the one holding `models--*` folders).
    public let hubCache: String
    /// The `stdlib` directory, whose `models/` holds bundled models; nil if unknown.
    public let stdlibRoot: String?

    /// `environment` supplies HF_HUB_CACHE, HF_HOME, HOME and SFTNB_STDLIB; an explicit
    /// `stdlibRoot` wins over SFTNB_STDLIB.
    public init(stdlibRoot: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let cache = environment["HF_HUB_CACHE"], !cache.isEmpty {
            hubCache = cache
        } else if let home = environment["HF_HOME"], !home.isEmpty {
            hubCache = home + "/hub"
        } else {
            let userHome = environment["HOME"] ?? NSHomeDirectory()
            let xdg = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? userHome + "/.cache"
            hubCache = xdg + "/huggingface/hub"
        }
        self.stdlibRoot = stdlibRoot ?? environment["SFTNB_STDLIB"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The error when nothing matched, listing each place looked.
    public struct NotFound: Error, CustomStringConvertible, Equatable {
        public let id: String
        public let looked: [String]
        public let description: String
    }

    /// Resolves `id` (a path, or "ORG/NAME", or "NAME") to a directory holding `requiring`.
    /// `what` names the thing in errors ("model", "tokenizer").
    public func resolve(_ id: String, requiring: [[String]] = ModelResolver.modelFiles,
                        revision: String = "main", what: String = "model") throws -> Resolved {
        let fm = FileManager.default
        var looked: [String] = []
        let expanded = id.hasPrefix("~/") ? NSHomeDirectory() + id.dropFirst(1) : id
        let looksLikePath = expanded.hasPrefix("/") || expanded.hasPrefix("./") || expanded.hasPrefix("../")
            || expanded.split(separator: "/").count > 2

        // 1. A local directory.
        if isDirectory(expanded) {
            let missing = missingFiles(in: expanded, requiring)
            guard missing.isEmpty else {
                throw NotFound(id: id, looked: [expanded],
                               description: "\(what) directory '\(expanded)' exists but has no \(missing.joined(separator: ", ")) — is it a complete Hugging Face \(what) folder?")
            }
            return Resolved(directory: expanded, source: .localPath)
        }
        looked.append("local directory '\(expanded)': not found")
        if looksLikePath {
            throw notFound(id, looked, what: what)
        }

        // 2. The Hugging Face cache.
        let repoFolder = hubCache + "/models--" + id.replacingOccurrences(of: "/", with: "--")
        if isDirectory(repoFolder) {
            var candidates: [String] = []
            let refPath = repoFolder + "/refs/" + revision
            if let ref = try? String(contentsOfFile: refPath, encoding: .utf8) {
                candidates.append(repoFolder + "/snapshots/" + ref.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if isDirectory(repoFolder + "/snapshots/" + revision) {
                candidates.append(repoFolder + "/snapshots/" + revision)
            }
            let snapshots = ((try? fm.contentsOfDirectory(atPath: repoFolder + "/snapshots")) ?? []).sorted()
            candidates += snapshots.map { repoFolder + "/snapshots/" + $0 }
            for candidate in candidates where isDirectory(candidate) && missingFiles(in: candidate, requiring).isEmpty {
                return Resolved(directory: candidate, source: .huggingFaceCache)
            }
            looked.append("Hugging Face cache '\(repoFolder)': no snapshot with \(describe(requiring))")
        } else {
            looked.append("Hugging Face cache '\(repoFolder)': not found")
        }

        // 3. The bundled models.
        if let stdlibRoot {
            let bundled = stdlibRoot + "/models/" + id
            if isDirectory(bundled) && missingFiles(in: bundled, requiring).isEmpty {
                return Resolved(directory: bundled, source: .bundled)
            }
            looked.append("bundled models '\(bundled)': " + (isDirectory(bundled) ? "incomplete (needs \(describe(requiring)))" : "not found"))
        } else {
            looked.append("bundled models: stdlib directory unknown (set SFTNB_STDLIB)")
        }
        throw notFound(id, looked, what: what)
    }

    private func notFound(_ id: String, _ looked: [String], what: String) -> NotFound {
        var text = "cannot find \(what) '\(id)' (sftnb works offline and never downloads). Looked in:\n"
        for place in looked { text += "  - \(place)\n" }
        text += "To use it: on a machine with network access run `huggingface-cli download \(id) --local-dir <folder>` "
        text += "(or `hf download`), copy the folder here and pass its path to from_pretrained; "
        text += "or copy a Hugging Face cache and set HF_HOME to it."
        return NotFound(id: id, looked: looked, description: text)
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// The requirement groups with no file present, described for messages.
    private func missingFiles(in directory: String, _ requiring: [[String]]) -> [String] {
        requiring.filter { group in
            !group.contains { FileManager.default.fileExists(atPath: directory + "/" + $0) }
        }.map { $0.joined(separator: " or ") }
    }

    private func describe(_ requiring: [[String]]) -> String {
        requiring.map { $0.joined(separator: " or ") }.joined(separator: ", ")
    }
}
