import Foundation
import Testing
@testable import Interpreter

/// Axis limits, tick positions and tick labels against real matplotlib 3.11 (Agg, default
/// style) for the same data: cases printed by tools/gen_matplotlib_tick_cases.py.
@Suite struct TickTests {
    struct Case: CustomStringConvertible {
        var xs: [Double], ys: [Double]
        var subplotOfThree: Bool
        var logY: Bool
        var xlim: (Double, Double), ylim: (Double, Double)
        var xticks: [Double], xlabels: [String]
        var yticks: [Double], ylabels: [String]
        var yMultiplier: String
        var description: String { "x \(xs) y \(ys)\(logY ? " log" : "")\(subplotOfThree ? " (1 of 3 subplots, 12x4)" : "")" }
    }

    static let cases: [Case] = [
        Case(xs: [0, 1000], ys: [2.31, 0.42], subplotOfThree: false, logY: false,
             xlim: (-50.0, 1050.0), ylim: (0.32549999999999996, 2.4045),
             xticks: [0.0, 200.0, 400.0, 600.0, 800.0, 1000.0], xlabels: ["0", "200", "400", "600", "800", "1000"],
             yticks: [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25], ylabels: ["0.50", "0.75", "1.00", "1.25", "1.50", "1.75", "2.00", "2.25"], yMultiplier: ""),
        Case(xs: [1, 3], ys: [4, 5], subplotOfThree: false, logY: false,
             xlim: (0.9, 3.1), ylim: (3.95, 5.05),
             xticks: [1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0], xlabels: ["1.00", "1.25", "1.50", "1.75", "2.00", "2.25", "2.50", "2.75", "3.00"],
             yticks: [4.0, 4.2, 4.4, 4.6000000000000005, 4.800000000000001, 5.0], ylabels: ["4.0", "4.2", "4.4", "4.6", "4.8", "5.0"], yMultiplier: ""),
        Case(xs: [-5, 5], ys: [0, 0.0003], subplotOfThree: false, logY: false,
             xlim: (-5.5, 5.5), ylim: (-1.4999999999999999e-05, 0.00031499999999999996),
             xticks: [-4.0, -2.0, 0.0, 2.0, 4.0], xlabels: ["−4", "−2", "0", "2", "4"],
             yticks: [0.0, 5e-05, 0.00010000000000000002, 0.00015000000000000001, 0.0002, 0.00025, 0.0003], ylabels: ["0.00000", "0.00005", "0.00010", "0.00015", "0.00020", "0.00025", "0.00030"], yMultiplier: ""),
        Case(xs: [0, 37], ys: [1000000.0, 5000000.0], subplotOfThree: false, logY: false,
             xlim: (-1.85, 38.85), ylim: (800000.0, 5200000.0),
             xticks: [0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0], xlabels: ["0", "5", "10", "15", "20", "25", "30", "35"],
             yticks: [1000000.0, 1500000.0, 2000000.0, 2500000.0, 3000000.0, 3500000.0, 4000000.0, 4500000.0, 5000000.0], ylabels: ["1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0", "4.5", "5.0"], yMultiplier: "1e6"),
        Case(xs: [5, 5], ys: [7, 7], subplotOfThree: false, logY: false,
             xlim: (4.725, 5.275), ylim: (6.615, 7.385),
             xticks: [4.8, 4.9, 5.0, 5.1000000000000005, 5.2], xlabels: ["4.8", "4.9", "5.0", "5.1", "5.2"],
             yticks: [6.7, 6.800000000000001, 6.9, 7.000000000000001, 7.1000000000000005, 7.200000000000001, 7.300000000000001], ylabels: ["6.7", "6.8", "6.9", "7.0", "7.1", "7.2", "7.3"], yMultiplier: ""),
        Case(xs: [0, 1], ys: [-2.5, 17], subplotOfThree: true, logY: false,
             xlim: (-0.05, 1.05), ylim: (-3.475, 17.975),
             xticks: [0.0, 0.2, 0.4000000000000001, 0.6000000000000001, 0.8, 1.0000000000000002], xlabels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"],
             yticks: [-2.5, 0.0, 2.5, 5.0, 7.5, 10.0, 12.5, 15.0, 17.5], ylabels: ["−2.5", "0.0", "2.5", "5.0", "7.5", "10.0", "12.5", "15.0", "17.5"], yMultiplier: ""),
        Case(xs: [1, 2], ys: [1, 1000], subplotOfThree: false, logY: true,
             xlim: (0.95, 2.05), ylim: (0.7079457843841379, 1412.5375446227545),
             xticks: [1.0, 1.2000000000000002, 1.4000000000000001, 1.6, 1.8, 2.0], xlabels: ["1.0", "1.2", "1.4", "1.6", "1.8", "2.0"],
             yticks: [1.0, 10.0, 100.0, 1000.0], ylabels: ["10^0", "10^1", "10^2", "10^3"], yMultiplier: ""),
        Case(xs: [0, 99], ys: [2e-05, 2e-07], subplotOfThree: false, logY: false,
             xlim: (-4.95, 103.95), ylim: (-7.900000000000001e-07, 2.099e-05),
             xticks: [0.0, 20.0, 40.0, 60.0, 80.0, 100.0], xlabels: ["0", "20", "40", "60", "80", "100"],
             yticks: [0.0, 2.4999999999999998e-06, 4.9999999999999996e-06, 7.499999999999999e-06, 9.999999999999999e-06, 1.2499999999999999e-05, 1.4999999999999999e-05, 1.75e-05, 1.9999999999999998e-05], ylabels: ["0.00", "0.25", "0.50", "0.75", "1.00", "1.25", "1.50", "1.75", "2.00"], yMultiplier: "1e−5"),
    ]

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

    @Test(arguments: cases)
    func matchesMatplotlib(_ c: Case) {
        var figure = PlotFigure(number: 1, width: c.subplotOfThree ? 12 : 6.4, height: c.subplotOfThree ? 4 : 4.8)
        var axes = PlotAxes(position: c.subplotOfThree ? SubplotGrid.position(rows: 1, columns: 3, index: 0)
                                                        : SubplotGrid.position(rows: 1, columns: 1, index: 0))
        axes.artists = [.line(PlotLine(xs: c.xs, ys: c.ys, color: .black, width: 1.5, style: .solid, marker: nil, label: nil))]
        if c.logY { axes.y.scale = .log }
        figure.axes = [axes]
        let layout = AxesLayout(axes: axes, figure: figure, pt: figure.dpi / 72)
        #expect(Self.close(layout.limits.x.lo, c.xlim.0) && Self.close(layout.limits.x.hi, c.xlim.1), "xlim \(layout.limits.x)")
        #expect(Self.close(layout.limits.y.lo, c.ylim.0) && Self.close(layout.limits.y.hi, c.ylim.1), "ylim \(layout.limits.y)")
        #expect(layout.xTicks.positions.count == c.xticks.count && zip(layout.xTicks.positions, c.xticks).allSatisfy(Self.close),
                "xticks \(layout.xTicks.positions)")
        #expect(layout.yTicks.positions.count == c.yticks.count && zip(layout.yTicks.positions, c.yticks).allSatisfy(Self.close),
                "yticks \(layout.yTicks.positions)")
        #expect(layout.xTicks.labels.map(\.plain) == c.xlabels)
        #expect(layout.yTicks.labels.map(\.plain) == c.ylabels)
        #expect(layout.yTicks.multiplier == c.yMultiplier)
    }

    @Test func maxNLocatorPicksNiceSteps() {
        let unit = Ticks.maxN(0, 1, nbins: 9)
        #expect(unit.count == 6 && zip(unit, [0, 0.2, 0.4, 0.6, 0.8, 1]).allSatisfy(Self.close))
        let ticks = Ticks.maxN(-50, 1050, nbins: 9)
        #expect(ticks == [-200, 0, 200, 400, 600, 800, 1000, 1200])
        #expect(Ticks.maxN(0.9, 3.1, nbins: 3).filter { $0 >= 0.9 && $0 <= 3.1 } == [1, 2, 3])
    }

    @Test func emptyAxesShowZeroToOne() {
        let limits = PlotLayout.limits(PlotAxes(position: PlotRect(x0: 0, y0: 0, x1: 1, y1: 1)))
        #expect(limits.x == (0, 1) && limits.y == (0, 1))
        #expect(Ticks.linear(0, 1, nbins: 9).labels.map(\.text) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func barsStandOnTheirBaseline() {
        var axes = PlotAxes(position: PlotRect(x0: 0, y0: 0, x1: 1, y1: 1))
        axes.artists = [.bars(PlotBars(rects: [PlotRect(x0: 0.6, y0: 0, x1: 1.4, y1: 3), PlotRect(x0: 1.6, y0: 0, x1: 2.4, y1: 4)],
                                       color: .black, edgeColor: nil, edgeWidth: 0, label: nil))]
        let limits = PlotLayout.limits(axes)
        #expect(limits.y.lo == 0)  // the sticky baseline: no margin below the bars
        #expect(Self.close(limits.y.hi, 4.2) && Self.close(limits.x.lo, 0.51) && Self.close(limits.x.hi, 2.49))
    }
}
