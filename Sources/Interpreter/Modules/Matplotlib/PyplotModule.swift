import Foundation

/// `matplotlib.pyplot`: the state machine scripts drive — open figures by number, the
/// current figure and axes — and the functions on them. `show()` hands each open figure to
/// the session's display hook (a `RichDisplay` with PNG, SVG and text) and closes it; in a
/// notebook the figures a cell leaves open are shown at its end (`Session.flushPendingDisplays`),
/// as Jupyter's inline backend does.
enum PyplotModule: NativeModule {
    static let name = "matplotlib.pyplot"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name, doc: "sftnb's pyplot: line, scatter, bar and histogram plots to PNG and SVG.")
        var params = PyRcParams()
        if case .object(let o)? = rt.modules["matplotlib"]?.namespace.values["rcParams"], let p = o as? PyRcParams { params = p }
        let state = Pyplot(rt, rcParams: params)
        rt.displayFlushers["matplotlib"] = { [weak state] in state?.showAll() }
        for op in AxesOperations.all where !op.pyplotName.hasPrefix("_") {
            m.function(op.pyplotName, op.parameters) { rt, a in try op.body(rt, state.gca(), a) }
        }
        m.function("figure", "num=None, figsize=None, dpi=None, **kwargs") { rt, a in
            _ = try PlotArguments.keywords(rt, a[3], allowed: [], function: "figure")
            if case .object(let o) = a[0], let f = o as? PyFigure { state.current = f; return a[0] }
            if !a[0].isNone, let existing = state.figures.first(where: { $0.number == (try? rt.toInt(a[0])) }) {
                state.current = existing
                return .object(existing)
            }
            return .object(try state.newFigure(rt, number: a[0].isNone ? nil : try rt.toInt(a[0]), figsize: a[1], dpi: a[2]))
        }
        m.function("subplots", "nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, figsize=None, dpi=None, **kwargs") { rt, a in
            _ = try PlotArguments.keywords(rt, a[7], allowed: [], function: "subplots")
            try PlotArguments.requireDefaults(rt, "subplots", [("sharex", a[2], .bool(false)), ("sharey", a[3], .bool(false))])
            let rows = try rt.toInt(a[0]), columns = try rt.toInt(a[1])
            guard rows > 0, columns > 0 else { throw PyError.valueError("Number of rows and columns must be positive, not \(rows) and \(columns)") }
            let fig = try state.newFigure(rt, number: nil, figsize: a[5], dpi: a[6])
            var grid: [[PyAxes]] = []
            for r in 0..<rows {
                grid.append((0..<columns).map { c in fig.addAxes(at: SubplotGrid.position(rows: rows, columns: columns, index: r * columns + c)) })
            }
            fig.currentAxes = grid.last?.last
            let axes: Value
            if try rt.truthy(a[4]) {
                axes = rows == 1 && columns == 1 ? .object(grid[0][0])
                    : .object(PyAxesArray(rows: rows == 1 || columns == 1 ? [grid.flatMap { $0 }] : grid,
                                          oneDimensional: rows == 1 || columns == 1))
            } else {
                axes = .object(PyAxesArray(rows: grid, oneDimensional: false))
            }
            return .object(PyTuple([.object(fig), axes]))
        }
        m.function("subplot", "*args, **kwargs") { rt, a in
            _ = try PlotArguments.keywords(rt, a[1], allowed: [], function: "subplot")
            let (rows, columns, index) = try SubplotGrid.spec(rt, try rt.iterate(a[0]))
            let fig = state.gcf()
            let position = SubplotGrid.position(rows: rows, columns: columns, index: index)
            if let existing = fig.axes.first(where: { $0.model.position == position }) {
                fig.currentAxes = existing
                return .object(existing)
            }
            return .object(fig.addAxes(at: position))
        }
        m.function("gcf", "") { _, _ in .object(state.gcf()) }
        m.function("gca", "") { _, _ in .object(state.gca()) }
        m.function("get_fignums", "") { _, _ in .object(PyList(state.figures.map { .int($0.number) })) }
        m.function("suptitle", "t, **kwargs") { rt, a in
            let kw = try PlotArguments.keywords(rt, a[1], allowed: AxesOperations.textKeywords, function: "suptitle")
            let fig = state.gcf()
            fig.suptitleStyle = try PlotArguments.textStyle(rt, kw, base: fig.suptitleStyle)
            fig.suptitle = try rt.str(a[0])
            return .object(PyText(x: 0.5, y: 0.98, text: fig.suptitle))
        }
        m.function("xlim", "*args, **kwargs") { rt, a in try state.limits(rt, a, isX: true) }
        m.function("ylim", "*args, **kwargs") { rt, a in try state.limits(rt, a, isX: false) }
        m.function("tight_layout", "*, pad=1.08, h_pad=None, w_pad=None, rect=None") { rt, a in
            try TightLayout.requireDefaults(rt, a)
            TightLayout.apply(state.gcf())
            return .none
        }
        m.function("savefig", "fname, **kwargs") { rt, a in
            try Pyplot.savefig(rt, state.gcf(), a[0], a[1])
            return .none
        }
        m.function("show", "*, block=None") { _, _ in
            state.showAll()
            return .none
        }
        m.function("close", "fig=None") { rt, a in
            try state.close(rt, a[0])
            return .none
        }
        m.function("clf", "") { _, _ in
            state.gcf().clear()
            return .none
        }
        m.function("cla", "") { _, _ in
            let ax = state.gca()
            ax.model = PlotAxes(position: ax.model.position)
            return .none
        }
        m.function("ion", "") { _, _ in .none }
        m.function("ioff", "") { _, _ in .none }
        m.function("isinteractive", "") { _, _ in .bool(false) }
        m.value("rcParams", .object(state.rcParams))
        for name in AxesOperations.notYetDrawn.union(["xticks", "yticks", "subplots_adjust", "colorbar", "figtext", "axes"])
            where m.module.namespace.values[name] == nil && !["spines", "xaxis", "yaxis"].contains(name) {
            m.function(name, "*args, **kwargs") { _, _ in throw AxesOperations.notYetDrawnError("pyplot", name) }
        }
        let style = ModuleBuilder("matplotlib.style")
        style.function("use", "style") { _, _ in throw AxesOperations.notYetDrawnError("pyplot.style", "use") }
        style.value("available", .object(PyList([])))
        rt.modules["matplotlib.style"] = style.module
        m.value("style", .object(style.module))
        m.add(PyFigure.pyClass).add(PyAxes.pyClass)
        if let parent = rt.modules["matplotlib"] { parent.namespace.values["pyplot"] = .object(m.module) }
        return m.module
    }
}

/// `import matplotlib`: the version, `use(backend)` (sftnb draws with its own renderer
/// whatever the backend), `rcParams`, and `matplotlib.pyplot` once imported.
enum MatplotlibModule: NativeModule {
    static let name = "matplotlib"

    static func makeModule(_ rt: Interpreter) throws -> PyModule {
        let m = ModuleBuilder(name, doc: "sftnb's matplotlib: pyplot line, scatter, bar and histogram plots.")
        m.value("__version__", .str("3.11.2"))
        m.function("use", "backend, *, force=True") { _, _ in .none }
        m.function("get_backend", "") { _, _ in .str("agg") }
        m.value("rcParams", .object(PyRcParams()))
        return m.module
    }
}

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
        return addFigure(number: number, width: w, height: h, dpi: d)
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
            case "image/png": return Data(PNGRenderer.render(scene)).base64EncodedString()
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
            let l = PlotLayout.limits(ax.model)
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

/// `matplotlib.rcParams` / `plt.rcParams`: the settings sftnb honours (`figure.figsize`,
/// `figure.dpi`); setting any other raises NotImplementedError instead of being ignored.
final class PyRcParams: NativeObject {
    var figsize = (6.4, 4.8)
    var dpi = 100.0

    init() { super.init(cls: PyRcParams.pyClass) }

    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        switch try rt.toStr(key, "key") {
        case "figure.figsize": return .object(PyList([.float(figsize.0), .float(figsize.1)]))
        case "figure.dpi": return .float(dpi)
        default: throw PyError.keyError(key)
        }
    }

    override func setItem(_ rt: Interpreter, _ key: Value, _ value: Value) throws {
        switch try rt.toStr(key, "key") {
        case "figure.figsize":
            let size = try PlotArguments.numbers(rt, value, "figure.figsize")
            guard size.count == 2 else { throw PyError.valueError("figure.figsize needs (width, height)") }
            figsize = (size[0], size[1])
        case "figure.dpi":
            dpi = try rt.toDouble(value)
        default:
            throw PyError(T.notImplementedError, "sftnb's matplotlib does not support rcParams[\(try rt.repr(key))]; it honours 'figure.figsize' and 'figure.dpi'")
        }
    }

    static let pyClass: PyClass = NativeClass<PyRcParams>("RcParams", module: "matplotlib").pyClass
}
