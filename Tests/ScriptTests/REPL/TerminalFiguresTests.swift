import Foundation
import Interpreter
import Testing
@testable import Script

/// Figures outside notebooks: a braille/block drawing on a terminal and an SVG file whose
/// path is printed.
@Suite struct TerminalFiguresTests {
    static func figure() -> PlotFigure {
        var figure = PlotFigure(number: 1)
        var axes = PlotAxes(position: PlotRect(x0: 0.125, y0: 0.11, x1: 0.9, y1: 0.88))
        axes.title = "Loss"
        axes.x.label = "step"
        axes.legend = PlotLegend()
        axes.artists = [.line(PlotLine(xs: [0, 10], ys: [0, 10], color: PlotFigure.colorCycle[0], width: 1.5, style: .solid,
                                       marker: nil, label: "train")),
                        .bars(PlotBars(rects: [PlotRect(x0: 4, y0: 0, x1: 6, y1: 5)], color: PlotFigure.colorCycle[1],
                                       edgeColor: nil, edgeWidth: 0, label: nil))]
        figure.axes = [axes]
        return figure
    }

    @Test func brailleDrawingHasTheDataAndTheAxisRanges() {
        var drawing = BrailleFigure()
        drawing.color = false
        drawing.columns = 40
        drawing.rows = 10
        let text = drawing.render(Self.figure())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.trimmingCharacters(in: .whitespaces) == "Loss")
        #expect(lines.contains { $0.hasPrefix("10.5 ┤") })    // y max (10 plus the 5% margin)
        #expect(lines.contains { $0.hasPrefix("   0 ┤") })    // y min: the bar's baseline, no margin below it
        #expect(lines.contains { $0.contains("-0.5") && $0.contains("10.5") && !$0.contains("┤") })  // x range
        #expect(text.contains("█"))                         // the bar
        #expect(text.unicodeScalars.contains { $0.value > 0x2800 && $0.value <= 0x28FF })  // the line in braille
        #expect(lines.last == "      ── train")
        #expect(!text.contains("\u{1B}["))
    }

    /// `sftnb FILE.py` with stdout not a terminal: the path line only, no drawing.
    @Test func scriptsPrintTheSavedFigurePath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-script-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\nplt.show()\nprint('done')\n"
            .write(toFile: dir + "/p.py", atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = dir
        let result = try SftnbProcess.run([dir + "/p.py"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "<Figure size 640x480 with 1 Axes> saved to \(dir)/sftnb-figures/figure-1.svg\ndone\n")
        #expect(FileManager.default.fileExists(atPath: dir + "/sftnb-figures/figure-1.svg"))
    }

    @Test func showWritesAnSVGAndPrintsItsPath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-figures-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var printed = ""
        let figures = TerminalFigures(isTerminal: false, directory: dir) { printed += $0 }
        let figure = Self.figure()
        figures.show(RichDisplay(plainText: figure.plainText, mimeTypes: ["image/svg+xml"], figure: figure) { _ in "<svg/>" })
        figures.show(RichDisplay(plainText: figure.plainText, mimeTypes: ["image/svg+xml"], figure: figure) { _ in "<svg/>" })
        #expect(printed == "<Figure size 640x480 with 1 Axes> saved to \(dir)/figure-1.svg\n"
                    + "<Figure size 640x480 with 1 Axes> saved to \(dir)/figure-2.svg\n")
        #expect(try String(contentsOfFile: dir + "/figure-2.svg", encoding: .utf8) == "<svg/>")
    }

    /// `sftnb run` on a terminal draws each figure as the notebook runs; a log gets only text.
    @Test func liveNotebookDisplayDrawsOnTerminalsOnly() {
        var screen = ""
        LiveDisplay(isTerminal: true) { screen += $0 }.showFigure(Self.figure())
        #expect(screen.contains("Loss") && screen.unicodeScalars.contains { $0.value > 0x2800 && $0.value <= 0x28FF })
        var log = ""
        LiveDisplay(isTerminal: false, echoOutputs: true) { log += $0 }.showFigure(Self.figure())
        #expect(log.isEmpty)
    }
}
