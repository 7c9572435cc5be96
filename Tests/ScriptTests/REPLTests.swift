import Foundation
import Testing

/// The REPL driven through a real pseudo-terminal (util-linux `script` allocates one), as a
/// person types into it: prompts, multi-line blocks, `_`, errors, magics, Ctrl-D.
@Suite struct REPLTests {
    func session(_ typed: String, home: String, tmp: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", SftnbProcess.binary.path, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["TERM"] = "dumb"
        if let tmp { environment["TMPDIR"] = tmp }
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(typed.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
    }

    @Test func promptsBlocksResultsAndErrors() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-repl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let screen = try session("def f(x):\n    return x + 1\n\nf(41)\n_ * 2\n1 / 0\n%time f(1)\n\u{04}", home: home)
        #expect(screen.contains(">>> "))
        #expect(screen.contains("... "))
        #expect(screen.contains("\n42\n"))
        #expect(screen.contains("\n84\n"))
        #expect(screen.contains("ZeroDivisionError: division by zero"))
        #expect(screen.contains("Wall time: "))
        let history = try String(contentsOfFile: home + "/.sftnb_history", encoding: .utf8)
        #expect(history.contains("def f(x):\\n    return x + 1"))
    }

    /// `plt.show()` at the prompt draws the plot in braille and saves an SVG.
    @Test func showDrawsOnTheTerminal() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-repl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let screen = try session("import matplotlib.pyplot as plt\nplt.plot([1, 4, 9], label='sq')\nplt.title('squares')\nplt.show()\n\u{04}",
                                 home: home, tmp: home)
        #expect(screen.contains("squares"))
        #expect(screen.unicodeScalars.contains { $0.value > 0x2800 && $0.value <= 0x28FF })
        #expect(screen.contains("saved to \(home)/sftnb-figures/figure-1.svg"))
    }
}
