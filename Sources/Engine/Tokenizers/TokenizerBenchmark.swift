import Foundation

/// Encoding throughput, for `sftnb bench tokenizer` and for comparing with
/// benchmarks/tokenizer/hf_baseline.py (Hugging Face tokenizers on the same corpus).
public enum TokenizerBenchmark {
    public struct Result: CustomStringConvertible {
        public let bytes: Int
        public let lines: Int
        public let tokens: Int
        public let seconds: Double
        /// Time to load the tokenizer files (0 when given a loaded tokenizer).
        public var loadSeconds: Double = 0
        /// Process CPU time: steadier than wall time on a shared machine.
        public let cpuSeconds: Double
        public var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
        public var megabytesPerCPUSecond: Double { Double(bytes) / 1_000_000 / cpuSeconds }
        public var description: String {
            String(format: "loaded in %.3f s; %d lines, %.2f MB, %d tokens in %.3f s (%.3f s CPU): %.2f MB/s wall, %.2f MB/s CPU",
                   loadSeconds, lines, Double(bytes) / 1e6, tokens, seconds, cpuSeconds, megabytesPerSecond, megabytesPerCPUSecond)
        }
    }

    /// Encodes every line of the corpus file (UTF-8, one text per line) single-threaded,
    /// without special tokens, and times it (file reading excluded).
    public static func run(tokenizerDirectory: String, corpusPath: String) throws -> Result {
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let tokenizer = try Tokenizer.load(directory: tokenizerDirectory)
        let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
        var result = run(tokenizer, lines: try lines(of: corpusPath))
        result.loadSeconds = loadSeconds
        return result
    }

    /// Reads the corpus as lines: split on the newline byte ("\r\n" is one Character, so
    /// String.split would not), as hf_baseline.py's `split("\n")` does.
    static func lines(of corpusPath: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: corpusPath) else {
            throw TokenizerError.cannotRead(path: corpusPath, reason: "no such file or not readable")
        }
        return data.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    public static func run(_ tokenizer: Tokenizer, lines: [String]) -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = clock()
        var tokens = 0
        for line in lines { tokens += tokenizer.encodeIds(line, addSpecialTokens: false).count }
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let bytes = lines.reduce(0) { $0 + $1.utf8.count }
        return Result(bytes: bytes, lines: lines.count, tokens: tokens, seconds: seconds, cpuSeconds: cpu)
    }

    /// Training figures: `train_new_from_iterator` over the whole corpus.
    public struct TrainResult: CustomStringConvertible {
        public let bytes: Int
        public let lines: Int
        public let vocabSize: Int
        public let merges: Int
        public let seconds: Double
        public let cpuSeconds: Double
        public var description: String {
            String(format: "train %d lines, %.2f MB, vocab %d (%d merges) in %.3f s (%.3f s CPU)",
                   lines, Double(bytes) / 1e6, vocabSize, merges, seconds, cpuSeconds)
        }
    }

    /// The training settings benchmarks/tokenizer/hf_baseline.py --train gives tokenizers' `BpeTrainer`.
    public static let trainVocabSize = 4096
    public static let trainSpecialTokens = ["<|endoftext|>"]

    /// Trains a byte-level BPE tokenizer (the pipeline of `tokenizerDirectory`'s, whose model is
    /// replaced; vocabulary `trainVocabSize`, special tokens `trainSpecialTokens`) on every line of
    /// the corpus, single-threaded, and times it (file reading excluded). Saves the result into
    /// `saveDirectory` when given, for comparing merges with tokenizers'.
    public static func train(tokenizerDirectory: String, corpusPath: String, saveDirectory: String? = nil) throws -> TrainResult {
        let base = try Tokenizer.load(directory: tokenizerDirectory)
        let lines = try lines(of: corpusPath)
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = clock()
        let trained = try base.trainNew(from: lines, vocabSize: trainVocabSize, newSpecialTokens: trainSpecialTokens)
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if let saveDirectory { try trained.save(to: saveDirectory) }
        return TrainResult(bytes: lines.reduce(0) { $0 + $1.utf8.count }, lines: lines.count, vocabSize: trained.vocabSize,
                           merges: trained.model.merges.count, seconds: seconds, cpuSeconds: cpu)
    }
}
