import Foundation
import Testing
@testable import Interpreter

/// `import matplotlib.pyplot as plt` in scripts: return values and reprs as matplotlib's,
/// format strings, the colour cycle, NotImplementedError for what sftnb does not draw,
/// savefig, and displays through the session's hook.
@Suite struct PyplotTests {
    /// Runs `source` with a display hook; returns stdout, stderr and what was displayed.
    static func run(_ source: String, flush: Bool = false) -> (ScriptRun, [RichDisplay]) {
        let collector = OutputCollector()
        let shown = DisplayCollector()
        let session = Session(argv: ["t.py"], output: collector.append, display: shown.append)
        let result = session.runSource(source, name: "t.py")
        if flush { session.flushPendingDisplays() }
        return (ScriptRun(stdout: collector.text(.stdout), stderr: collector.text(.stderr), result: result), shown.items)
    }

    @Test func reprsAndReturnValuesAreMatplotlibs() {
        let (run, _) = Self.run("""
        import matplotlib.pyplot as plt
        fig = plt.figure()
        print(fig, repr(fig))
        lines = plt.plot([1, 2, 3], [4, 5, 1], 'o-', label='a')
        print(type(lines).__name__, len(lines), repr(lines[0]).startswith('<matplotlib.lines.Line2D object at 0x'))
        print(plt.xlabel('x'), plt.ylabel('y'), plt.title('t'))
        print(plt.gca())
        print(repr(plt.gca()))
        print(repr(fig))
        print(plt.bar(['a', 'b'], [1, 2]))
        n, bins, patches = plt.hist([1, 2, 2, 3, 3, 3, 4], bins=3)
        print(n, len(bins), patches)
        print(plt.xlim(0, 5), plt.get_fignums())
        f2, axes = plt.subplots(1, 3, figsize=(12, 4))
        print(f2, axes, len(axes), axes.shape)
        f3, grid = plt.subplots(2, 2)
        print(grid[0, 1], grid[1][0])
        print(plt.get_fignums())
        plt.close('all')
        print(plt.get_fignums())
        """)
        #expect(run.stderr == "")
        #expect(run.stdout == """
        Figure(640x480) <Figure size 640x480 with 0 Axes>
        list 1 True
        Text(0.5, 0, 'x') Text(0, 0.5, 'y') Text(0.5, 1.0, 't')
        Axes(0.125,0.11;0.775x0.77)
        <Axes: title={'center': 't'}, xlabel='x', ylabel='y'>
        <Figure size 640x480 with 1 Axes>
        <BarContainer object of 2 artists>
        [1. 2. 4.] 4 <BarContainer object of 3 artists>
        (0.0, 5.0) [1]
        Figure(1200x400) [<Axes: > <Axes: > <Axes: >] 3 (3,)
        Axes(0.547727,0.53;0.352273x0.35) Axes(0.125,0.11;0.352273x0.35)
        [1, 2, 3]
        []

        """)
    }

    @Test func formatStringsAndTheColourCycle() throws {
        let (run, shown) = Self.run("""
        import matplotlib.pyplot as plt
        plt.plot([1, 2], 'r--')
        plt.plot([1, 2], [3, 4], 'o', [5, 6], [7, 8], 'k:')
        plt.plot([0, 1], color='tab:green', linestyle='-.', marker='s', linewidth=3, label='g')
        plt.bar([1], [2])
        plt.scatter([1], [2])
        plt.hist([1, 2])
        plt.show()
        """)
        #expect(run.result.succeeded, "\(run.stderr)")
        let artists = try #require(shown.first?.figure?.axes.first?.artists)
        guard artists.count == 7, case .line(let red) = artists[0], case .line(let dots) = artists[1], case .line(let black) = artists[2],
              case .line(let green) = artists[3], case .bars(let bar) = artists[4], case .scatter(let scatter) = artists[5],
              case .bars(let hist) = artists[6] else {
            Issue.record("unexpected artists \(artists)")
            return
        }
        #expect(red.color == PlotColor(r: 1, g: 0, b: 0) && red.style == .dashed && red.marker == nil && red.xs == [0, 1])
        #expect(dots.style == .none && dots.marker?.shape == .circle && dots.color == PlotFigure.colorCycle[0])
        #expect(black.color == .black && black.style == .dotted)
        #expect(green.color == PlotFigure.colorCycle[2] && green.style == .dashDot && green.marker?.shape == .square && green.width == 3)
        #expect(green.label == "g")
        // Lines and histograms share one cycle, bars and scatter another (as matplotlib).
        #expect(bar.color == PlotFigure.colorCycle[0] && scatter.colors == [PlotFigure.colorCycle[1]])
        #expect(hist.color == PlotFigure.colorCycle[1])
    }

    @Test func unsupportedKeywordsAndFeaturesRaiseNotImplementedError() {
        for call in ["plt.plot([1], alpha_blend=2)", "plt.scatter([1], [2], cmap='viridis')", "plt.yscale('symlog')",
                     "plt.plot([1], marker='h')", "plt.hist([1], histtype='step')", "plt.savefig('x.pdf')",
                     "plt.rcParams['font.size'] = 14", "plt.legend(loc='upper right', fancybox=True)",
                     "plt.xlabel('x', labelpad=5)", "plt.xlabel('x', fontweight='bold')", "plt.gca().axhspan(0, 1)", "plt.text(0, 0, 'x')", "plt.axhline(0.5, xmin=0.2)",
                     "plt.style.use('ggplot')", "plt.tight_layout(pad=2)",
                     "plt.plot([1], scalex=False)", "plt.hist([1], cumulative=True)", "plt.plot([1], color='xkcd:sky blue')"] {
            let (run, _) = Self.run("import matplotlib.pyplot as plt\n" + call)
            guard case .exception(let type, let message, _) = run.result.outcome else {
                Issue.record("\(call) did not raise")
                continue
            }
            #expect(type == "NotImplementedError", "\(call): \(type): \(message)")
            #expect(message.contains("sftnb"), "\(call): \(message)")
        }
        for call in ["plt.plot([1, 2], 'q')", "plt.figure(figsize=(1000, 1000))", "plt.gcf().set_size_inches(900, 2)",
                     "plt.plot([1], color='notacolour')"] {
            let (bad, _) = Self.run("import matplotlib.pyplot as plt\n" + call)
            if case .exception(let type, _, _) = bad.result.outcome { #expect(type == "ValueError", "\(call)") } else { Issue.record("\(call) accepted") }
        }
    }

    @Test func labelStylesAndLogHelpersReachTheModel() throws {
        let (run, shown) = Self.run("""
        import matplotlib.pyplot as plt
        plt.semilogy([1, 2], [10, 1000])
        plt.title('t', fontsize=20, color='red')
        plt.xlabel('x', fontsize='small')
        plt.suptitle('all', fontsize=16)
        plt.plot([1, 2], [20, 30], color='darkslategray', label='css')
        plt.legend(loc='lower right', fontsize=8, frameon=False)
        plt.show()
        """)
        #expect(run.result.succeeded, "\(run.stderr)")
        let figure = try #require(shown.first?.figure)
        let axes = try #require(figure.axes.first)
        #expect(axes.y.scale == .log && axes.x.scale == .linear)
        #expect(axes.titleStyle == PlotTextStyle(size: 20, color: PlotColor(r: 1, g: 0, b: 0)))
        #expect(abs(axes.x.labelStyle.size - 8.33) < 1e-9 && axes.y.labelStyle.size == 10)
        #expect(figure.suptitle == "all" && figure.suptitleStyle.size == 16)
        #expect(axes.legend?.location == .lowerRight && axes.legend?.fontSize == 8 && axes.legend?.frameOn == false)
        if case .line(let css)? = axes.artists.last { #expect(css.color.hex == "#2f4f4f") } else { Issue.record("no css line") }
        #expect(SVGRenderer.render(figure).contains("font-size=\"27.78\" fill=\"#ff0000\">t</text>"))
    }

    @Test func ticksCanBeFixedLabelledAndTurned() throws {
        let (run, shown) = Self.run("""
        import matplotlib.pyplot as plt
        plt.plot([0, 1, 2, 3], [1, 3, 2, 4])
        print(plt.xticks([0, 1, 2, 3], ['a', 'b', 'c', 'd'], rotation=45, ha='right')[1])
        plt.gca().tick_params(axis='y', labelsize=8)
        print(plt.yticks()[0])
        plt.show()
        """)
        #expect(run.stdout == "[Text(0, 0, 'a'), Text(1, 0, 'b'), Text(2, 0, 'c'), Text(3, 0, 'd')]\n[0.5 1.  1.5 2.  2.5 3.  3.5 4.  4.5]\n",
                "\(run.stderr)")
        let figure = try #require(shown.first?.figure)
        let axes = try #require(figure.axes.first)
        #expect(axes.x.fixedTicks == [0, 1, 2, 3] && axes.x.tickRotation == 45 && axes.x.tickAlign == "right")
        #expect(axes.y.tickSize == 8)
        let layout = AxesLayout(axes: axes, figure: figure, pt: figure.dpi / 72)
        #expect(layout.xTicks.labels.map(\.text) == ["a", "b", "c", "d"])
        // A turned, right-aligned label ends at its tick: its box's right edge is the tick's x.
        let first = layout.xTickTexts[0].placement.bounds
        #expect(abs(first.x + first.width - layout.px(0)) < 1e-9 && first.height > first.width * 0.5)
        #expect(SVGRenderer.render(figure).contains("transform=\"rotate(-45 "))
    }

    @Test func sharedAxesAutoscaleTogetherAndHideInnerLabels() throws {
        let (run, shown) = Self.run("""
        import matplotlib.pyplot as plt
        fig, (top, bottom) = plt.subplots(2, 1, sharex=True)
        top.plot([0, 100], [1, 2])
        bottom.plot([0, 200], [5, 3])
        print(top.get_xlim(), bottom.get_xlim())
        plt.show()
        """)
        #expect(run.stdout == "(-10.0, 210.0) (-10.0, 210.0)\n", "\(run.stderr)")
        let figure = try #require(shown.first?.figure)
        #expect(figure.axes.map(\.x.tickLabelsHidden) == [true, false])
        let upper = AxesLayout(axes: figure.axes[0], figure: figure, pt: figure.dpi / 72)
        #expect(upper.xTickTexts.isEmpty && !upper.xTicks.positions.isEmpty)  // tick marks stay, labels go
    }

    @Test func referenceLinesSpanTheAxes() throws {
        let (run, shown) = Self.run("""
        import matplotlib.pyplot as plt
        plt.plot([0, 10], [0, 1])
        plt.axhline(5, color='gray', linestyle='--')
        plt.gca().axvline(3)
        print(plt.ylim())
        plt.show()
        """)
        #expect(run.stdout == "(-0.25, 5.25)\n", "\(run.stderr)")  // the line's y joins the data limits
        let artists = try #require(shown.first?.figure?.axes.first?.artists)
        guard artists.count == 3, case .line(let h) = artists[1], case .line(let v) = artists[2] else {
            Issue.record("unexpected artists \(artists)")
            return
        }
        #expect(h.span == .horizontal && h.ys == [5] && h.style == .dashed)
        #expect(v.span == .vertical && v.xs == [3] && v.color == PlotFigure.colorCycle[0])
    }

    @Test func showDisplaysEachOpenFigureThenClosesIt() throws {
        let (run, shown) = Self.run("""
        import matplotlib.pyplot as plt
        plt.plot([1, 2, 3])
        plt.figure()
        plt.show()
        print(plt.get_fignums())
        """)
        #expect(run.stdout == "[]\n")
        #expect(shown.count == 2)
        #expect(shown[0].plainText == "<Figure size 640x480 with 1 Axes>")
        #expect(shown[0].mimeTypes == ["image/png", "image/svg+xml"])
        #expect(shown[0].data("image/svg+xml")?.hasPrefix("<?xml") == true)
        let png = try #require(shown[0].data("image/png").flatMap { Data(base64Encoded: $0) })
        let decoded = try DecodedPNG([UInt8](png))
        #expect(decoded.width > 500 && decoded.width < 640, "cropped as Jupyter's inline figures: \(decoded.width)")
        // A figure without axes shows as text only, as IPython does.
        #expect(shown[1].plainText == "<Figure size 640x480 with 0 Axes>" && shown[1].mimeTypes.isEmpty)
    }

    @Test func figuresLeftOpenAreShownWhenTheHostFlushes() {
        let (_, none) = Self.run("import matplotlib.pyplot as plt\nplt.plot([1, 2])")
        #expect(none.isEmpty)
        let (_, flushed) = Self.run("import matplotlib.pyplot as plt\nplt.plot([1, 2])", flush: true)
        #expect(flushed.count == 1 && flushed.first?.figure?.axes.count == 1)
    }

    @Test func savefigWritesSVGAndPNGByExtension() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-savefig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (run, _) = Self.run("""
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot([1, 2, 3], [1, 4, 9], label='squares')
        ax.set_yscale('log')
        ax.legend()
        fig.savefig('\(dir.path)/a.svg')
        plt.savefig('\(dir.path)/b.png', dpi=50)
        plt.savefig('\(dir.path)/c')
        plt.savefig('\(dir.path)/d.png', bbox_inches='tight')
        """)
        #expect(run.result.succeeded, "\(run.stderr)")
        let svg = try String(contentsOf: dir.appendingPathComponent("a.svg"), encoding: .utf8)
        #expect(svg.contains("width=\"400\" height=\"300\"") && svg.contains(">squares</text>"))
        let png = try DecodedPNG([UInt8](Data(contentsOf: dir.appendingPathComponent("b.png"))))
        #expect(png.width == 200 && png.height == 150)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("c.png").path))
        let tight = try DecodedPNG([UInt8](Data(contentsOf: dir.appendingPathComponent("d.png"))))
        #expect(tight.width < 400 && tight.width > 250 && tight.height < 300, "\(tight.width)x\(tight.height)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(leftovers == ["a.svg", "b.png", "c.png", "d.png"])  // no temporary files left behind
    }
}

final class DisplayCollector: @unchecked Sendable {
    private(set) var items: [RichDisplay] = []
    func append(_ d: RichDisplay) { items.append(d) }
}
