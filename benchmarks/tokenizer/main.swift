// A stand-alone driver for TokenizerBenchmark, compiled together with the tokenizer
// sources (see run_swift_bench.sh) so measuring does not need a release build of the
// whole package. `sftnb bench tokenizer` calls the same `TokenizerBenchmark.run`.
import Foundation

let args = CommandLine.arguments
guard args.count == 3 else {
    print("usage: bench <tokenizer directory> <corpus.txt>")
    exit(2)
}
do {
    print(try TokenizerBenchmark.run(tokenizerDirectory: args[1], corpusPath: args[2]))
} catch {
    print("error: \(error)")
    exit(1)
}
