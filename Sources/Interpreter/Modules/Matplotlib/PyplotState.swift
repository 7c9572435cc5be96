import Foundation

/// pyplot's state for one session: the open figures (in creation order) and the current one.
final class Pyplot {
    unowned let rt: Interpreter
    var figures: [PyFigure] = []
    var current: PyFigure?
    let rcParams: PyRcParams

    init(_ rt: Interpreter, rcParams: PyRcParams) {
        self.rt = rt
        self.rcParams = rcParams
    }

    func gcf() -> PyFigure {
        current ?? addFigure(number: nil, width: rcParams.figsize.0, height: rcParams.figsize.1, dpi: rcParams.dpi)
    }

    func gca() -> PyAxes { gcf().gca() }

    func newFigure(_ rt: Interpreter, number: Int?, figsize: Value, dpi: Value) throws -> PyFigure {
        var (w, h) = rcParams.figsize
        if !figsize.isNone {
            let size = try PlotArguments.numbers(rt, figsize, "figsize")
            guard size.count == 2, size.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                throw PyError.valueError("figure size must be positive finite not \(try rt.repr(figsize))")
            }
            (w, h) = (size[0], size[1])
        }
        let d = dpi.isNone ? rcParams.dpi : try rt.toDouble(dpi)
        guard d > 0, d.isFinite else { throw PyError.valueError("dpi must be positive, not \(try rt.repr(dpi))") }
        try Pyplot.checkDrawable(PlotFigure(number: 0, width: w, height: h, dpi: d))
        return addFigure(number: number, width: w, height: h, dpi: d)
    }

    static func checkDrawable(_ figure: PlotFigure) throws {
        guard figure.isDrawable else {
            throw PyError.valueError("Image size of \(Int(figure.width * figure.dpi))x\(Int(figure.height * figure.dpi)) pixels is too large. "
                                         + "It must be less than 2^16 in each direction and 40 million pixels in all.")
        }
    }

    /// A new current figure numbered `number`, or one past the highest open number.
    private func addFigure(number: Int?, width: Double, height: Double, dpi: Double) -> PyFigure {
        let n = number ?? ((figures.map(\.number).max() ?? 0) + 1)
        let fig = PyFigure(number: n, width: width, height: height, dpi: dpi)
        figures.append(fig)
        current = fig
        return fig
    }

    /// Displays every open figure, then closes them (`show()`, and a notebook cell's end).
    func showAll() {
        let open = figures
        figures = []
        current = nil
        for fig in open { rt.emitDisplay(Pyplot.display(fig.snapshot)) }
    }

    /// A figure as a rich display: PNG and SVG (none for a figure without axes, as IPython),
    /// cropped to the drawing as Jupyter's inline backend does (`bbox_inches='tight'`).
    static func display(_ figure: PlotFigure) -> RichDisplay {
        RichDisplay(plainText: figure.plainText, mimeTypes: figure.axes.isEmpty ? [] : ["image/png", "image/svg+xml"],
                    figure: figure) { mime in
            let scene = PlotScene.make(figure).tight(dpi: figure.dpi)
            switch mime {
            case "image/png": return figure.isDrawable ? Data(PNGRenderer.render(scene)).base64EncodedString() : nil
            case "image/svg+xml": return SVGRenderer.render(scene)
            default: return nil
            }
        }
    }

    func close(_ rt: Interpreter, _ which: Value) throws {
        switch which {
        case .none:
            if let c = current { figures.removeAll { $0 === c } }
        case .int(let n):
            figures.removeAll { $0.number == n }
        case .object(let o):
            if let f = o as? PyFigure {
                figures.removeAll { $0 === f }
            } else if let s = o as? PyStr, s.value == "all" {
                figures = []
            } else {
                throw PyError.typeError("close() argument must be a Figure, an int, a string, or None, not \(typeName(which))")
            }
        default:
            throw PyError.typeError("close() argument must be a Figure, an int, a string, or None, not \(typeName(which))")
        }
        if let c = current, !figures.contains(where: { $0 === c }) { current = figures.last }
    }

    /// `xlim()` → current limits; `xlim(lo, hi)`, `xlim((lo, hi))`, `xlim(left=..., right=...)` set them.
    func limits(_ rt: Interpreter, _ a: [Value], isX: Bool) throws -> Value {
        let ax = gca()
        let args = try rt.iterate(a[0])
        let names: Set<String> = isX ? ["left", "right", "xmin", "xmax"] : ["bottom", "top", "ymin", "ymax"]
        let kw = try PlotArguments.keywords(rt, a[1], allowed: names, function: isX ? "xlim" : "ylim")
        if args.isEmpty && kw.isEmpty {
            let l = ax.limits
            let (lo, hi) = isX ? l.x : l.y
            return .object(PyTuple([.float(lo), .float(hi)]))
        }
        guard args.count <= 2 else { throw PyError.typeError("\(isX ? "xlim" : "ylim")() takes at most 2 positional arguments") }
        let first = args.first ?? kw[isX ? "left" : "bottom"] ?? kw[isX ? "xmin" : "ymin"] ?? .none
        let second = args.count > 1 ? args[1] : kw[isX ? "right" : "top"] ?? kw[isX ? "xmax" : "ymax"] ?? .none
        if isX { return try PlotCalls.setLimits(rt, &ax.model.x, first, second, ax.model, isX: true) }
        return try PlotCalls.setLimits(rt, &ax.model.y, first, second, ax.model, isX: false)
    }

    /// `savefig(path)`: SVG for `.svg`, PNG for `.png` (and no extension, adding `.png`, as
    /// matplotlib); written to a temporary file then renamed, so readers never see half a file.
    static func savefig(_ rt: Interpreter, _ fig: PyFigure, _ fname: Value, _ kwargs: Value) throws {
        let kw = try PlotArguments.keywords(rt, kwargs, allowed: ["dpi", "format", "bbox_inches"], function: "savefig")
        var path = try rt.str(fname)
        var format = (path as NSString).pathExtension.lowercased()
        if let f = kw["format"], !f.isNone { format = try rt.toStr(f, "format").lowercased() }
        if format.isEmpty {
            format = "png"
            path += ".png"
        }
        if let b = kw["bbox_inches"], !b.isNone, (try? rt.str(b)) != "tight" {
            throw PyError(T.notImplementedError, "sftnb's matplotlib does not support savefig(bbox_inches=\(try rt.repr(b))); use 'tight' or leave it out")
        }
        var figure = fig.snapshot
        if let d = kw["dpi"], !d.isNone, (try? rt.str(d)) != "figure" { figure.dpi = try rt.toDouble(d) }
        try checkDrawable(figure)
        var scene = PlotScene.make(figure)
        if let b = kw["bbox_inches"], !b.isNone { scene = scene.tight(dpi: figure.dpi) }
        let bytes: Data
        switch format {
        case "png": bytes = Data(PNGRenderer.render(scene))
        case "svg": bytes = Data(SVGRenderer.render(scene).utf8)
        default:
            throw PyError(T.notImplementedError, "sftnb's matplotlib does not support saving '\(format)' files; use .png or .svg")
        }
        do {
            try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PyError(PyException(cls: T.fileNotFoundError, args: [.int(2), .str("No such file or directory"), .str(path)]))
        }
    }
}
