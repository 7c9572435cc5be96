import Foundation
import Interpreter

/// Where figures go outside notebooks (the REPL and `sftnb FILE.py`): each `plt.show()`
/// writes the figure as SVG under `$TMPDIR/sftnb-figures/` and prints its path; on a
/// terminal, a braille drawing of the plot comes first.
struct TerminalFigures {
    var isTerminal: Bool
    var directory: String
    var write: (String) -> Void

    init(isTerminal: Bool = isatty(STDOUT_FILENO) != 0,
         directory: String = (NSTemporaryDirectory() as NSString).appendingPathComponent("sftnb-figures"),
         write: @escaping (String) -> Void = { StandardStreams.write($0, .stdout) }) {
        self.isTerminal = isTerminal
        self.directory = directory
        self.write = write
    }

    /// The session's display hook.
    func show(_ shown: RichDisplay) {
        guard let figure = shown.figure else {
            write(shown.plainText + "\n")
            return
        }
        if isTerminal {
            var drawing = BrailleFigure()
            let environment = ProcessInfo.processInfo.environment
            drawing.color = environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
            drawing.columns = max(20, min(Self.terminalWidth() - 14, 72))
            write(drawing.render(figure))
        }
        guard let svg = shown.data("image/svg+xml") else {
            write(shown.plainText + "\n")
            return
        }
        do {
            let path = try save(svg)
            write("\(shown.plainText) saved to \(path)\n")
        } catch {
            write("\(shown.plainText) (could not save it under \(directory): \(error.localizedDescription))\n")
        }
    }

    /// Writes `figure-N.svg` with the first unused N, through a temporary file and a rename.
    func save(_ svg: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var n = 1
        while FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("figure-\(n).svg")) { n += 1 }
        let path = (directory as NSString).appendingPathComponent("figure-\(n).svg")
        try Data(svg.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
