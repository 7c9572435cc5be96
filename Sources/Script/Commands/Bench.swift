import ArgumentParser

/// `sftnb bench WHAT`: benchmarks (engine, blas, tokenizer, datasets, sft).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Run a benchmark: engine, blas, tokenizer, datasets or sft.")

    @Argument(help: "What to measure.") var what: String

    func run() throws {
        notImplementedYet("benchmark '\(what)'")
    }
}
