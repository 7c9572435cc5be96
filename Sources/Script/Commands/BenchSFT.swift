import Engine
import Foundation

/// `sftnb bench sft`: end-to-end SFT training through the engine's own SFT API
/// (SFTDataPreparation → LanguageModelingCollator → TrainingLoop), on the job
/// benchmarks/sft/trl_baseline.py runs with TRL: a randomly initialised 4-layer, 256-wide GPT-2
/// (4 heads, vocab 8192, dropout 0.1 as GPT2Config's default), float32, batch 8 × 256 tokens,
/// AdamW at TRL's default learning rate, on the bundled movie-reviews data set with a byte-level
/// BPE tokenizer trained on it (cached, so both sides tokenize identically). Three modes:
///   full     every weight trained; rows are 16 reviews joined, truncated to 256 tokens;
///   lora     the same rows, LoRA r=8, alpha 16 on c_attn (base frozen);
///   packing  one review per example, bfd-packed into 256-token rows (padding-free).
enum SFTBenchmark {
    enum Mode: String, CaseIterable { case full, lora, packing }

    static let layers = 4, width = 256, heads = 4, vocab = 8192, seqLength = 256, batchSize = 8
    /// Reviews per example in the full / lora modes: enough for every example to exceed 256 tokens.
    static let reviewsPerExample = 16

    struct Result {
        var mode: Mode
        var tokensPerSecond: Double
        var msPerStep: Double
        /// Process CPU time per timed step (all threads): on a shared machine, where wall time
        /// depends on the other load, the work each step costs.
        var cpuMsPerStep: Double
        var peakRSSBytes: Int
        var timedSteps: Int
        var firstLoss: Double
        var lastLoss: Double
    }

    /// `path` itself when it exists; a relative path is otherwise looked up under $SFTNB_STDLIB/..
    /// and the repository holding the executable (walking up from it), so the benchmark runs
    /// from any directory.
    static func locate(_ path: String) -> String {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: path), !path.hasPrefix("/") else { return path }
        var roots: [URL] = []
        if let stdlib = ProcessInfo.processInfo.environment["SFTNB_STDLIB"] {
            roots.append(URL(fileURLWithPath: stdlib).deletingLastPathComponent())
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            roots.append(dir)
            dir = dir.deletingLastPathComponent()
        }
        return roots.map { $0.appendingPathComponent(path).path }.first { fm.fileExists(atPath: $0) } ?? path
    }

    /// The movie reviews of the bundled data set, one text per row.
    static func reviews(path: String) throws -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure("cannot read \(path): run from the repository root or pass --data stdlib/data/sftnb/movie-reviews/train.jsonl")
        }
        var out: [String] = []
        for line in text.split(separator: "\n") where !line.isEmpty {
            guard case let .object(o) = try JSONParser.parse(String(line)), case let .string(s)? = o["text"] else {
                throw CommandFailure("\(path): every line should be a JSON object with a \"text\" string")
            }
            out.append(s)
        }
        return out
    }

    /// The texts of a mode: `reviewsPerExample` consecutive reviews joined by a space, or one review each.
    static func texts(_ reviews: [String], mode: Mode) -> [String] {
        guard mode != .packing else { return reviews }
        return stride(from: 0, to: reviews.count - reviewsPerExample + 1, by: reviewsPerExample).map {
            reviews[$0..<($0 + reviewsPerExample)].joined(separator: " ")
        }
    }

    /// A byte-level BPE tokenizer (GPT-2 pipeline, `<|endoftext|>` as eos) trained on the reviews with
    /// the engine's trainer, cached in `directory` (benchmarks/sft/trl_baseline.py loads the same files).
    static func tokenizer(reviews: [String], directory: String) throws -> Tokenizer {
        let fm = FileManager.default
        if fm.fileExists(atPath: directory + "/tokenizer.json") { return try Tokenizer.load(directory: directory) }
        let seed = directory + ".seed"
        try fm.createDirectory(atPath: seed, withIntermediateDirectories: true)
        let byteLevel = #"{"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true}"#
        let json = """
            {"version": "1.0", "truncation": null, "padding": null,
             "added_tokens": [{"id": 0, "content": "<|endoftext|>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}],
             "normalizer": null, "pre_tokenizer": \(byteLevel), "post_processor": \(byteLevel), "decoder": \(byteLevel),
             "model": {"type": "BPE", "dropout": null, "unk_token": null, "continuing_subword_prefix": null, "end_of_word_suffix": null,
                       "fuse_unk": false, "byte_fallback": false, "ignore_merges": false, "vocab": {"<|endoftext|>": 0}, "merges": []}}
            """
        let config = #"{"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": 1024, "bos_token": "<|endoftext|>", "eos_token": "<|endoftext|>", "unk_token": "<|endoftext|>", "pad_token": "<|endoftext|>"}"#
        try json.write(toFile: seed + "/tokenizer.json", atomically: true, encoding: .utf8)
        try config.write(toFile: seed + "/tokenizer_config.json", atomically: true, encoding: .utf8)
        let trained = try Tokenizer.load(directory: seed).trainNew(from: reviews, vocabSize: vocab)
        try trained.save(to: directory)
        try? fm.removeItem(atPath: seed)
        return try Tokenizer.load(directory: directory)
    }

    static func model(lora: Bool) throws -> CausalLM {
        let object = JSONObject([
            ("model_type", .string("gpt2")), ("n_layer", .int(Int64(layers))), ("n_embd", .int(Int64(width))),
            ("n_head", .int(Int64(heads))), ("vocab_size", .int(Int64(vocab))), ("n_positions", .int(1024)),
        ])
        let model = try CausalLM(config: ModelConfig(object, source: "sftnb bench sft"), seed: 42)
        if lora { try model.applyLoRA(LoRAConfig(r: 8, alpha: 16, dropout: 0, targets: .names(["c_attn"]))) }
        return model
    }

    /// Trains `warmup + steps` optimizer steps; figures cover the last `steps` only.
    static func run(mode: Mode, reviews: [String], tokenizer: Tokenizer, steps: Int, warmup: Int) throws -> Result {
        resetPeakRSS()
        var options = SFTDataPreparation.Options()
        options.maxLength = seqLength
        options.packing = mode == .packing
        options.packingStrategy = .bfd
        let rows = texts(reviews, mode: mode).map { DataDict([("text", .string($0))]) }
        let prepared = try SFTDataPreparation.prepare(rows: rows, tokenizer: tokenizer, options: options)
        guard let pad = tokenizer.padTokenId ?? tokenizer.eosTokenId else { throw CommandFailure("the benchmark tokenizer has no pad/eos token") }
        let collator = LanguageModelingCollator(padTokenID: pad, paddingFree: prepared.paddingFree)
        var plan = TrainingPlan()
        plan.batchSize = batchSize
        plan.maxSteps = warmup + steps
        plan.learningRate = 2e-5
        plan.loggingSteps = 1_000_000
        plan.saveStrategy = "no"
        guard prepared.examples.count >= batchSize * plan.maxSteps else {
            throw CommandFailure("\(mode.rawValue): \(prepared.examples.count) examples are fewer than \(plan.maxSteps) batches of \(batchSize)")
        }
        let model = try model(lora: mode == .lora)
        let output = NSTemporaryDirectory() + "sftnb-bench-sft-\(getpid())"
        let loop = try TrainingLoop(model: model, plan: plan, collator: collator, outputDirectory: output)
        var marks: [(time: UInt64, cpu: Double, tokens: Int)] = []
        var losses: [Double] = []
        var hooks = TrainingLoop.Hooks()
        hooks.progress = { _, _, loss, _ in
            marks.append((DispatchTime.now().uptimeNanoseconds, cpuSeconds(), loop.tokensSeen))
            losses.append(loss)
        }
        _ = try loop.train(prepared.examples, hooks: hooks)
        try? FileManager.default.removeItem(atPath: output)
        guard marks.count == warmup + steps, warmup >= 1 else { throw CommandFailure("the training loop ran \(marks.count) steps, expected \(warmup + steps)") }
        let first = marks[warmup - 1], last = marks[marks.count - 1]
        let seconds = Double(last.time - first.time) / 1e9
        return Result(mode: mode, tokensPerSecond: Double(last.tokens - first.tokens) / seconds,
                      msPerStep: seconds * 1000 / Double(steps), cpuMsPerStep: (last.cpu - first.cpu) * 1000 / Double(steps),
                      peakRSSBytes: peakRSS(),
                      timedSteps: steps, firstLoss: losses.first ?? 0, lastLoss: losses.last ?? 0)
    }

    /// CPU time of the whole process so far.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Peak resident set size since the last `resetPeakRSS` (VmHWM), 0 when unknown.
    static func peakRSS() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (line.split(separator: " ").compactMap { Int($0) }.first ?? 0) * 1024
    }

    /// Resets VmHWM (Linux: writing 5 to clear_refs) so each mode's peak RSS is its own.
    static func resetPeakRSS() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}
