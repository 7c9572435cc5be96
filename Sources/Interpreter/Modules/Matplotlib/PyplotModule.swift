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
        for op in AxesOperations.all {
            guard let name = op.pyplotName else { continue }
            m.function(name, op.parameters) { rt, a in try op.body(rt, state.gca(), a) }
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
            let shareX = try SubplotGrid.sharing(rt, a[2], "sharex"), shareY = try SubplotGrid.sharing(rt, a[3], "sharey")
            let rows = try rt.toInt(a[0]), columns = try rt.toInt(a[1])
            guard rows > 0, columns > 0 else { throw PyError.valueError("Number of rows and columns must be positive, not \(rows) and \(columns)") }
            let fig = try state.newFigure(rt, number: nil, figsize: a[5], dpi: a[6])
            var grid: [[PyAxes]] = []
            for r in 0..<rows {
                grid.append((0..<columns).map { c in fig.addAxes(at: SubplotGrid.position(rows: rows, columns: columns, index: r * columns + c)) })
            }
            SubplotGrid.share(grid, x: shareX, y: shareY)
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
        m.function("xticks", "ticks=None, labels=None, *, minor=False, **kwargs") { rt, a in
            try TickCalls.pyplotTicks(rt, state.gca(), a, isX: true)
        }
        m.function("yticks", "ticks=None, labels=None, *, minor=False, **kwargs") { rt, a in
            try TickCalls.pyplotTicks(rt, state.gca(), a, isX: false)
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
        for name in AxesOperations.notYetDrawn.union(["subplots_adjust", "colorbar", "figtext", "axes"])
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
