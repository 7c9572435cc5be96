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
}
