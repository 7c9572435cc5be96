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
        // The screen so far, read as it comes so the test can wait for the progress bar.
        let screen = ScreenBuffer()
        output.fileHandleForReading.readabilityHandler = { handle in screen.append(handle.availableData) }
        func screenText() -> String { screen.text }
        func waitFor(_ text: String, seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if screenText().contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.2)
            }
            return false
        }
        try process.run()
        defer { if process.isRunning { process.terminate() } }
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
        // Interrupt only once training is under way (the bar shows a rate), as a person would.
        let started = waitFor("it/s", seconds: 120)
        input.fileHandleForWriting.write(Data("\u{03}".utf8))
        #expect(started, "training never started: \(screenText().suffix(1500))")
        let stopped = waitFor("KeyboardInterrupt", seconds: 60)
        input.fileHandleForWriting.write(Data("print('steps done:', trainer.state.global_step > 0)\n".utf8))
        _ = waitFor("steps done:", seconds: 30)
        input.fileHandleForWriting.write(Data("\u{04}".utf8))
        try input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        output.fileHandleForReading.readabilityHandler = nil
        let shown = screenText()
        #expect(stopped, "Ctrl-C did not stop training: \(shown.suffix(1500))")
        #expect(shown.contains("KeyboardInterrupt: training stopped after step"), "\(shown.suffix(1500))")
        #expect(shown.contains("trainer.model keeps the weights of step"))
        #expect(shown.contains("steps done: True"))
    }
}

/// What the pseudo-terminal has shown so far, appended from the reader's thread.
final class ScreenBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock(); data.append(chunk); lock.unlock()
    }

    var text: String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
    }
}
