import Foundation

/// `tight_layout()`: moves the subplot grid's edges and gaps so tick labels, axis labels and
/// titles fit inside the figure and do not overlap their neighbours, with matplotlib's
/// padding of 1.08 font sizes. Works on axes placed by `subplots`/`subplot` (a regular grid).
enum TightLayout {
    /// `tight_layout(pad=1.08, h_pad=None, w_pad=None, rect=None)`: only the defaults.
    static func requireDefaults(_ rt: Interpreter, _ a: [Value]) throws {
        try PlotArguments.requireDefaults(rt, "tight_layout", [("pad", a[0], .float(1.08)), ("h_pad", a[1], .none),
                                                               ("w_pad", a[2], .none), ("rect", a[3], .none)])
    }

    /// How far an axes' decorations reach past each side of its box, in pixels.
    struct Extents {
        var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
    }

    static func extents(_ axes: PlotAxes, figure: PlotFigure, pt: Double) -> Extents {
        let layout = AxesLayout(axes: axes, figure: figure, pt: pt)
        let line = PlotFont.height(size: PlotScene.fontSize * pt)
        let tickSpace = 7 * pt  // tick length + label pad
        let xTexts = layout.xTickTexts.map(\.placement.bounds), yTexts = layout.yTickTexts.map(\.placement.bounds)
        let widest = yTexts.map(\.width).max() ?? 0, tallest = xTexts.map(\.height).max() ?? 0
        var e = Extents()
        e.left = tickSpace + widest + (axes.y.label.isEmpty ? 0 : 4 * pt + PlotFont.height(size: axes.y.labelStyle.size * pt))
        // Turned x tick labels may reach left of the axes, past the y labels.
        e.left = max(e.left, layout.box.x - (xTexts.map(\.x).min() ?? layout.box.x))
        e.right = max(0, (xTexts.map { $0.x + $0.width }.max() ?? 0) - (layout.box.x + layout.box.width))
        e.bottom = tickSpace + tallest + (axes.x.label.isEmpty ? 0 : 4 * pt + PlotFont.height(size: axes.x.labelStyle.size * pt))
        e.top = axes.title.isEmpty ? line / 2 : 6 * pt + PlotFont.height(size: axes.titleStyle.size * pt)
        if !layout.yTicks.multiplier.isEmpty { e.top = max(e.top, 2 * pt + line) }
        return e
    }

    static func apply(_ fig: PyFigure) {
        guard !fig.axes.isEmpty else { return }
        let figure = fig.snapshot
        let pt = figure.dpi / 72
        let w = Double(figure.pixelWidth), h = Double(figure.pixelHeight)
        let pad = 1.08 * PlotScene.fontSize * pt
        let xs = Array(Set(figure.axes.map { $0.position.x0 })).sorted()
        let ys = Array(Set(figure.axes.map { $0.position.y0 })).sorted(by: >)
        let (columns, rows) = (xs.count, ys.count)
        var cells: [(row: Int, column: Int, extents: Extents)] = []
        for axes in figure.axes {
            cells.append((ys.firstIndex(of: axes.position.y0) ?? 0, xs.firstIndex(of: axes.position.x0) ?? 0,
                          extents(axes, figure: figure, pt: pt)))
        }
        func most(_ rowOrColumn: (Int, Int) -> Bool, _ side: (Extents) -> Double) -> Double {
            cells.filter { rowOrColumn($0.row, $0.column) }.map { side($0.extents) }.max() ?? 0
        }
        var top = most({ r, _ in r == 0 }, \.top)
        if !figure.suptitle.isEmpty { top += PlotFont.height(size: figure.suptitleStyle.size * pt) + 0.02 * h }
        let l = (most({ _, c in c == 0 }, \.left) + pad) / w, r = 1 - (most({ _, c in c == columns - 1 }, \.right) + pad) / w
        let b = (most({ r, _ in r == rows - 1 }, \.bottom) + pad) / h, t = 1 - (top + pad) / h
        guard l < r, b < t else { return }
        // The widest gap any neighbouring pair of columns (rows) needs.
        let gapW = (0..<max(columns - 1, 0)).map { c in
            most({ _, col in col == c }, \.right) + most({ _, col in col == c + 1 }, \.left) + pad
        }.max() ?? 0
        let gapH = (0..<max(rows - 1, 0)).map { k in
            most({ row, _ in row == k }, \.bottom) + most({ row, _ in row == k + 1 }, \.top) + pad
        }.max() ?? 0
        let cellW = ((r - l) * w - gapW * Double(columns - 1)) / Double(columns)
        let cellH = ((t - b) * h - gapH * Double(rows - 1)) / Double(rows)
        guard cellW > 1, cellH > 1 else { return }
        for (axes, cell) in zip(fig.axes, cells) {
            axes.model.position = SubplotGrid.position(rows: rows, columns: columns, index: cell.row * columns + cell.column,
                                                       left: l, right: r, bottom: b, top: t,
                                                       wspace: gapW / cellW, hspace: gapH / cellH)
        }
    }
}
