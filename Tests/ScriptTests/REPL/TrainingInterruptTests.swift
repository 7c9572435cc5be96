import Foundation
import Testing

/// Ctrl-C during `trainer.train()` in the REPL, through a real pseudo-terminal: the current
/// step finishes, the trained weights stay, a KeyboardInterrupt names the step, and the prompt
/// comes back with the session intact.
@Suite struct TrainingInterruptTests {
    static let modules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("InterpreterTests/modules")

    @Test func ctrlCStopsTrainingAfterTheCurrentStep() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-interrupt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", SftnbProcess.binary.path, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["TERM"] = "dumb"
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let setup = """
        from datasets import Dataset
        from transformers import AutoTokenizer
        from trl import SFTConfig, SFTTrainer
        tok = AutoTokenizer.from_pretrained("\(Self.modules.path)/tiny-tokenizer")
        ds = Dataset.from_dict({"text": ["The quick brown fox jumps over the lazy dog."] * 64})
        args = SFTConfig(output_dir="\(home)/out", max_steps=1000000, per_device_train_batch_size=8, logging_steps=100000, save_strategy="no", report_to="none")
        trainer = SFTTrainer(model="\(Self.modules.path)/tiny-lm", args=args, train_dataset=ds, processing_class=tok)
        trainer.train()

        """
        input.fileHandleForWriting.write(Data(setup.utf8))
        Thread.sleep(forTimeInterval: 8)
        input.fileHandleForWriting.write(Data("\u{03}".utf8))
        Thread.sleep(forTimeInterval: 2)
        input.fileHandleForWriting.write(Data("print('steps done:', trainer.state.global_step > 0)\n\u{04}".utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let screen = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
        #expect(screen.contains("KeyboardInterrupt: training stopped after step"), "\(screen.suffix(1500))")
        #expect(screen.contains("trainer.model keeps the weights of step"))
        #expect(screen.contains("steps done: True"))
    }
}
