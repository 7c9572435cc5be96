import CReadline
import Foundation
import Testing

/// End-to-end tests of the built `sftnb` binary.
@Suite struct CLITests {
    @Test func readlineLinks() {
        #expect(rl_library_version != nil)
    }

    @Test func versionAndHelp() throws {
        let version = try SftnbProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("sftnb "))
        let help = try SftnbProcess.run(["--help"])
        #expect(help.status == 0)
        for sub in ["run", "test", "export", "bench"] { #expect(help.stdout.contains(sub)) }
    }

    /// As `python3 sub/f.py`: `__file__` and traceback paths are the path joined to the working
    /// directory (not normalised), `sys.argv[0]` stays as typed, an uncaught exception exits 1.
    @Test func scriptPathsAsCPython() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "import sys\nprint(__file__, sys.argv[0], __name__)\n1 / 0\n"
            .write(to: dir.appendingPathComponent("sub/f.py"), atomically: true, encoding: .utf8)
        let r = try SftnbProcess.run(["sub/f.py"], cwd: dir.path)
        let absolute = dir.path + "/sub/f.py"
        #expect(r.status == 1)
        #expect(r.stdout == "\(absolute) sub/f.py __main__\n")
        #expect(r.stderr == """
            Traceback (most recent call last):
              File "\(absolute)", line 3, in <module>
                1 / 0
                ~~^~~
            ZeroDivisionError: division by zero

            """)
        let piped = try SftnbProcess.run([], stdin: "print(__name__)\nprint(__file__)\n", cwd: dir.path)
        #expect(piped.stdout == "__main__\n")
        #expect(piped.stderr.contains("File \"<stdin>\", line 2") && piped.stderr.contains("NameError: name '__file__' is not defined"))
    }
}
