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

    static func apply(_ fig: PyFigure) {
        guard !fig.axes.isEmpty else { return }
        let figure = fig.snapshot
        let pt = figure.dpi / 72
        let w = Double(figure.pixelWidth), h = Double(figure.pixelHeight)
        let pad = 1.08 * PlotScene.fontSize * pt
        let line = PlotFont.height(size: PlotScene.fontSize * pt)
        let tickSpace = 7 * pt  // tick length + label pad
        var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
        for axes in figure.axes {
            let layout = AxesLayout(axes: axes, figure: figure, pt: pt)
            let xTexts = layout.xTickTexts.map(\.placement.bounds), yTexts = layout.yTickTexts.map(\.placement.bounds)
            let widest = yTexts.map(\.width).max() ?? 0, tallest = xTexts.map(\.height).max() ?? 0
            let yLabel = PlotFont.height(size: axes.y.labelStyle.size * pt), xLabel = PlotFont.height(size: axes.x.labelStyle.size * pt)
            left = max(left, tickSpace + widest + (axes.y.label.isEmpty ? 0 : 4 * pt + yLabel))
            // Turned x tick labels may reach left of the axes, past the y labels.
            left = max(left, layout.box.x - (xTexts.map(\.x).min() ?? layout.box.x))
            bottom = max(bottom, tickSpace + tallest + (axes.x.label.isEmpty ? 0 : 4 * pt + xLabel))
            top = max(top, axes.title.isEmpty ? line / 2 : 6 * pt + PlotFont.height(size: axes.titleStyle.size * pt))
            right = max(right, (xTexts.map { $0.x + $0.width }.max() ?? 0) - (layout.box.x + layout.box.width))
        }
        if !figure.suptitle.isEmpty { top += PlotFont.height(size: figure.suptitleStyle.size * pt) + 0.02 * h }
        let columns = Set(figure.axes.map { $0.position.x0 }).count
        let rows = Set(figure.axes.map { $0.position.y0 }).count
        let l = (left + pad) / w, r = 1 - (right + pad) / w
        let b = (bottom + pad) / h, t = 1 - (top + pad) / h
        guard l < r, b < t else { return }
        let cellW = (r - l) * w / Double(columns), cellH = (t - b) * h / Double(rows)
        let gapW = (left + right + pad) / max(cellW - (left + right + pad), 1)
        let gapH = (top + bottom + pad) / max(cellH - (top + bottom + pad), 1)
        let xs = Array(Set(figure.axes.map { $0.position.x0 })).sorted()
        let ys = Array(Set(figure.axes.map { $0.position.y0 })).sorted(by: >)
        for axes in fig.axes {
            let c = xs.firstIndex(of: axes.model.position.x0) ?? 0
            let row = ys.firstIndex(of: axes.model.position.y0) ?? 0
            axes.model.position = SubplotGrid.position(rows: rows, columns: columns, index: row * columns + c,
                                                       left: l, right: r, bottom: b, top: t,
                                                       wspace: columns > 1 ? gapW : 0, hspace: rows > 1 ? gapH : 0)
        }
    }
}
