import ArgumentParser
import Engine
import Foundation
import Interpreter

/// `sftnb bench WHAT [--json]`: sftnb's own figures; `make bench` runs benchmarks/<area>/run,
/// which puts them side by side with the Python baselines.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Run a benchmark: blas, datasets, engine, tokenizer or sft.")

    enum What: String, ExpressibleByArgument, CaseIterable { case blas, datasets, engine, tokenizer, sft }

    @ArgumentParser.Argument(help: "What to measure: blas, datasets, engine, tokenizer or sft.") var what: What
    @Flag(help: "Print one JSON object instead of a table.") var json = false
    @Option(help: "datasets: the JSON Lines file (generated when missing).") var file = "/tmp/sftnb-bench.jsonl"
    @Option(help: "engine: tiny, small or gpt2-124m.") var config = "tiny"
    @Option(help: "tokenizer: the tokenizer directory.") var tokenizerDirectory = "/tmp/sftnb-tokenizer-bench/gpt2"
    @Option(help: "tokenizer: the corpus, one text per line.") var corpus = "/tmp/sftnb-tokenizer-bench/corpus.txt"
    @Flag(help: "tokenizer: time BPE training on the corpus (vocab 4096, byte-level) instead of encoding.") var train = false
    @Option(help: "tokenizer --train: save the trained tokenizer here (to compare its merges with tokenizers').") var saveTrained: String?
    @Option(help: "sft: full, lora, packing or all.") var mode = "all"
    @Option(help: "sft: timed optimizer steps per mode.") var steps = 8
    @Option(help: "sft: untimed optimizer steps first.") var warmup = 2
    @Option(help: "sft: the movie-reviews JSON Lines file.") var data = "stdlib/data/sftnb/movie-reviews/train.jsonl"
    @Option(help: "sft: where the trained benchmark tokenizer is cached.") var tokenizerCache = "/tmp/sftnb-bench-sft/tokenizer"

    func run() throws {
        switch what {
        case .blas: blas()
        case .datasets: try datasets()
        case .engine: try engine()
        case .tokenizer: try tokenizer()
        case .sft: try sft()
        }
    }

    /// Full training steps (forward + backward + AdamW) at fixed shapes.
    func engine() throws {
        guard let shape = EngineBenchmark.Config(rawValue: config.replacingOccurrences(of: "-", with: "_")) else {
            throw ValidationError("--config must be tiny, small or gpt2-124m")
        }
        let r = try EngineBenchmark.run(config: shape)
        // MFU against the sgemm peak measured now, in the same process (as `sftnb bench blas`).
        let peak = BLASBenchmark.run(minSeconds: 0.3).map(\.gflops).max() ?? 0
        let mfu = peak > 0 ? r.achievedGFLOPS / peak : 0
        if json {
            print(JSONWriter().string(.object(JSONObject([
                ("config", .string(config)), ("tokens_per_s", .double(r.tokensPerSecond)),
                ("ms_per_step", .double(r.msPerStep)), ("peak_rss_bytes", .int(Int64(r.peakRSSBytes))),
                ("model_flops_per_step", .double(r.modelFlopsPerStep)), ("achieved_gflops", .double(r.achievedGFLOPS)),
                ("sgemm_peak_gflops", .double(peak)), ("mfu_of_sgemm_peak", .double(mfu)),
            ]))))
        } else {
            print(String(format: "%@: %.0f tokens/s, %.1f ms/step, peak RSS %.0f MB", config, r.tokensPerSecond, r.msPerStep,
                         Double(r.peakRSSBytes) / 1e6))
            print(String(format: "model FLOPs %.1f GFLOP/step = %.1f GFLOP/s; sgemm peak %.1f GFLOP/s; MFU %.0f%% of it",
                         r.modelFlopsPerStep / 1e9, r.achievedGFLOPS, peak, mfu * 100))
        }
    }

    /// Single-threaded encode throughput over a corpus (benchmarks/tokenizer/make_corpus.py makes one),
    /// or with `--train` the time to train a BPE tokenizer on it.
    func tokenizer() throws {
        guard FileManager.default.fileExists(atPath: corpus), FileManager.default.fileExists(atPath: tokenizerDirectory) else {
            throw CommandFailure("no corpus or tokenizer at \(corpus) / \(tokenizerDirectory); make them with `python benchmarks/tokenizer/make_corpus.py` (needs the Python `tokenizers` package)")
        }
        if train {
            let r = try TokenizerBenchmark.train(tokenizerDirectory: tokenizerDirectory, corpusPath: corpus, saveDirectory: saveTrained)
            if json {
                print(JSONWriter().string(.object(JSONObject([
                    ("bytes", .int(Int64(r.bytes))), ("vocab_size", .int(Int64(r.vocabSize))), ("merges", .int(Int64(r.merges))),
                    ("seconds", .double(r.seconds)), ("cpu_seconds", .double(r.cpuSeconds)),
                ]))))
            } else {
                print(r.description)
            }
            return
        }
        let r = try TokenizerBenchmark.run(tokenizerDirectory: tokenizerDirectory, corpusPath: corpus)
        if json {
            print(JSONWriter().string(.object(JSONObject([
                ("bytes", .int(Int64(r.bytes))), ("tokens", .int(Int64(r.tokens))), ("seconds", .double(r.seconds)),
                ("cpu_seconds", .double(r.cpuSeconds)), ("mb_per_s", .double(r.megabytesPerSecond)),
            ]))))
        } else {
            print(r.description)
        }
    }

    func blas() {
        let figures = BLASBenchmark.run()
        if json {
            let items = figures.map { JSONValue.object(JSONObject([("shape", .string($0.label)), ("gflops", .double($0.gflops))])) }
            print(JSONWriter().string(.object(JSONObject([("threads", .int(Int64(Parallel.threadCount))), ("sgemm", .array(items))]))))
        } else {
            print("sgemm on \(Parallel.threadCount) threads (OPENBLAS_CORETYPE=\(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "unset"))")
            for f in figures { print("  " + f.label.padding(toLength: 48, withPad: " ", startingAt: 0) + String(format: "%8.1f GFLOP/s", f.gflops)) }
        }
    }

    /// Load 100 MB of JSON Lines, map a script formatting function over 20,000 rows (through
    /// the interpreter, as a user's notebook does), shuffle + select.
    func datasets() throws {
        if !FileManager.default.fileExists(atPath: file) {
            FileHandle.standardError.write(Data("generating \(file) (100 MB)...\n".utf8))
            try DatasetBenchmark.generate(path: file)
        }
        let engine = try DatasetBenchmark.run(path: file)
        let script = """
            import time
            from datasets import load_dataset
            ds = load_dataset("json", data_files=\(JSONWriter().string(.string(file))), split="train")
            small = ds.select(range(20000))
            def formatting_func(example):
                return {"formatted": f"### Text: {example['text']}\\n### Label: {example['label']}"}
            t = time.perf_counter()
            small.map(formatting_func)
            print(time.perf_counter() - t)
            """
        var printed = ""
        let session = Session(argv: ["bench"], output: { text, stream in if stream == .stdout { printed += text } else { FileHandle.standardError.write(Data(text.utf8)) } })
        guard session.runSource(script, name: "<bench>").succeeded, let mapSeconds = Double(printed.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CommandFailure("the script map benchmark failed")
        }
        if json {
            print(JSONWriter().string(.object(JSONObject([
                ("load_seconds", .double(engine.loadSeconds)), ("bytes", .int(Int64(engine.bytes))), ("rows", .int(Int64(engine.rows))),
                ("map_seconds", .double(mapSeconds)), ("map_rows", .int(20_000)),
                ("shuffle_select_seconds", .double(engine.shuffleSelectSeconds)),
            ]))))
        } else {
            print(String(format: "load %.1f MB JSON Lines (%d rows): %.2f s", Double(engine.bytes) / 1e6, engine.rows, engine.loadSeconds))
            print(String(format: "map a script function over 20,000 rows: %.2f s", mapSeconds))
            print(String(format: "shuffle(seed=42) + select 10,000 + to_list: %.3f s", engine.shuffleSelectSeconds))
        }
    }
}

extension Bench {
    /// End-to-end SFT through the engine's trainer (see `SFTBenchmark`); benchmarks/sft/run compares it with TRL.
    func sft() throws {
        let modes: [SFTBenchmark.Mode]
        if mode == "all" { modes = SFTBenchmark.Mode.allCases } else {
            guard let m = SFTBenchmark.Mode(rawValue: mode) else { throw CommandFailure("--mode must be full, lora, packing or all (got \(mode))") }
            modes = [m]
        }
        guard steps >= 1, warmup >= 1 else { throw CommandFailure("--steps and --warmup must be at least 1") }
        let reviews = try SFTBenchmark.reviews(path: SFTBenchmark.locate(data))
        let tokenizer = try SFTBenchmark.tokenizer(reviews: reviews, directory: tokenizerCache)
        var results: [SFTBenchmark.Result] = []
        for m in modes {
            let r = try SFTBenchmark.run(mode: m, reviews: reviews, tokenizer: tokenizer, steps: steps, warmup: warmup)
            results.append(r)
            if json {
                print(JSONWriter().string(.object(JSONObject([
                    ("impl", .string("sftnb")), ("mode", .string(m.rawValue)), ("dtype", .string("float32")),
                    ("threads", .int(Int64(Parallel.threadCount))),
                    ("tokens_per_s", .double(r.tokensPerSecond)), ("ms_per_step", .double(r.msPerStep)),
                    ("cpu_ms_per_step", .double(r.cpuMsPerStep)), ("peak_rss_bytes", .int(Int64(r.peakRSSBytes))), ("steps", .int(Int64(r.timedSteps))),
                    ("first_loss", .double(r.firstLoss)), ("last_loss", .double(r.lastLoss)),
                ]))))
            } else {
                print(String(format: "%@: %.0f tokens/s, %.1f ms/step (%.0f ms CPU), peak RSS %.0f MB (loss %.3f → %.3f)", m.rawValue,
                             r.tokensPerSecond, r.msPerStep, r.cpuMsPerStep, Double(r.peakRSSBytes) / 1e6, r.firstLoss, r.lastLoss))
            }
        }
        if let full = results.first(where: { $0.mode == .full }), let lora = results.first(where: { $0.mode == .lora }) {
            let ratio = full.msPerStep / lora.msPerStep
            if json {
                print(JSONWriter().string(.object(JSONObject([("impl", .string("sftnb")), ("full_over_lora_step_time", .double(ratio))]))))
            } else {
                print(String(format: "LoRA steps are %.2fx faster than full fine-tune steps", ratio))
            }
        }
    }
}
