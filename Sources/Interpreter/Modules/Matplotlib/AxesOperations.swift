import Foundation

/// The plotting calls shared by `Axes` methods and pyplot's functions on the current axes
/// (`ax.set_xlabel` / `plt.xlabel`): one parameter list and one body each, so both spell
/// and check their arguments the same way.
struct AxesOperations {
    /// The method name on `Axes` and the function name in `pyplot` (nil: `Axes` only, where
    /// pyplot's function has another signature, as `xlim` or `xticks`).
    let axesName: String
    let pyplotName: String?
    let parameters: String
    let body: (Interpreter, PyAxes, [Value]) throws -> Value

    init(_ axesName: String, _ parameters: String, _ body: @escaping (Interpreter, PyAxes, [Value]) throws -> Value) {
        self.init(axesName, pyplot: axesName, parameters, body)
    }

    init(_ axesName: String, pyplot: String?, _ parameters: String, _ body: @escaping (Interpreter, PyAxes, [Value]) throws -> Value) {
        self.axesName = axesName
        self.pyplotName = pyplot
        self.parameters = parameters
        self.body = body
    }

    static let textKeywords: Set<String> = ["fontsize", "size", "color", "c"]

    static let all: [AxesOperations] = [
        AxesOperations("plot", "*args, scalex=True, scaley=True, data=None, **kwargs") { rt, ax, a in
            try PlotArguments.requireDefaults(rt, "plot", [("scalex", a[1], .bool(true)), ("scaley", a[2], .bool(true)), ("data", a[3], .none)])
            return try PlotCalls.plot(rt, ax, try rt.iterate(a[0]), a[4])
        },
        AxesOperations("semilogy", "*args, **kwargs") { rt, ax, a in
            ax.model.y.scale = .log
            return try PlotCalls.plot(rt, ax, try rt.iterate(a[0]), a[1])
        },
        AxesOperations("semilogx", "*args, **kwargs") { rt, ax, a in
            ax.model.x.scale = .log
            return try PlotCalls.plot(rt, ax, try rt.iterate(a[0]), a[1])
        },
        AxesOperations("loglog", "*args, **kwargs") { rt, ax, a in
            ax.model.x.scale = .log
            ax.model.y.scale = .log
            return try PlotCalls.plot(rt, ax, try rt.iterate(a[0]), a[1])
        },
        AxesOperations("axhline", "y=0, xmin=0, xmax=1, **kwargs") { rt, ax, a in
            try PlotArguments.requireDefaults(rt, "axhline", [("xmin", a[1], .int(0)), ("xmax", a[2], .int(1))])
            return try PlotCalls.referenceLine(rt, ax, try rt.toDouble(a[0]), .horizontal, a[3])
        },
        AxesOperations("axvline", "x=0, ymin=0, ymax=1, **kwargs") { rt, ax, a in
            try PlotArguments.requireDefaults(rt, "axvline", [("ymin", a[1], .int(0)), ("ymax", a[2], .int(1))])
            return try PlotCalls.referenceLine(rt, ax, try rt.toDouble(a[0]), .vertical, a[3])
        },
        AxesOperations("set_xticks", pyplot: nil, "ticks, labels=None, *, minor=False, **kwargs") { rt, ax, a in
            let kw = try PlotArguments.keywords(rt, a[3], allowed: TickCalls.styleKeywords, function: "set_xticks")
            try PlotArguments.requireDefaults(rt, "set_xticks", [("minor", a[2], .bool(false))])
            return try TickCalls.setTicks(rt, &ax.model.x, a[0], a[1], kw, isX: true)
        },
        AxesOperations("set_yticks", pyplot: nil, "ticks, labels=None, *, minor=False, **kwargs") { rt, ax, a in
            let kw = try PlotArguments.keywords(rt, a[3], allowed: TickCalls.styleKeywords, function: "set_yticks")
            try PlotArguments.requireDefaults(rt, "set_yticks", [("minor", a[2], .bool(false))])
            return try TickCalls.setTicks(rt, &ax.model.y, a[0], a[1], kw, isX: false)
        },
        AxesOperations("set_xticklabels", pyplot: nil, "labels, *, fontdict=None, minor=False, **kwargs") { rt, ax, a in
            let kw = try PlotArguments.keywords(rt, a[3], allowed: TickCalls.styleKeywords, function: "set_xticklabels")
            try PlotArguments.requireDefaults(rt, "set_xticklabels", [("fontdict", a[1], .none), ("minor", a[2], .bool(false))])
            return try TickCalls.setLabels(rt, ax, a[0], kw, isX: true)
        },
        AxesOperations("set_yticklabels", pyplot: nil, "labels, *, fontdict=None, minor=False, **kwargs") { rt, ax, a in
            let kw = try PlotArguments.keywords(rt, a[3], allowed: TickCalls.styleKeywords, function: "set_yticklabels")
            try PlotArguments.requireDefaults(rt, "set_yticklabels", [("fontdict", a[1], .none), ("minor", a[2], .bool(false))])
            return try TickCalls.setLabels(rt, ax, a[0], kw, isX: false)
        },
        AxesOperations("tick_params", "axis='both', **kwargs") { rt, ax, a in
            try TickCalls.tickParams(rt, ax, a)
        },
        AxesOperations("scatter", "x, y, s=None, c=None, marker=None, cmap=None, norm=None, vmin=None, vmax=None, alpha=None, linewidths=None, *, edgecolors=None, **kwargs") { rt, ax, a in
            try PlotCalls.scatter(rt, ax, a)
        },
        AxesOperations("bar", "x, height, width=0.8, bottom=None, *, align='center', **kwargs") { rt, ax, a in
            try PlotCalls.bar(rt, ax, a)
        },
        AxesOperations("hist", "x, bins=None, range=None, density=False, weights=None, cumulative=False, bottom=None, histtype='bar', align='mid', orientation='vertical', rwidth=None, log=False, color=None, label=None, stacked=False, **kwargs") { rt, ax, a in
            try PlotCalls.hist(rt, ax, a)
        },
        AxesOperations("set_xlabel", pyplot: "xlabel", "xlabel, fontdict=None, labelpad=None, *, loc=None, **kwargs") { rt, ax, a in
            let kw = try PlotArguments.keywords(rt, a[4], allowed: textKeywords, function: "xlabel")
            try PlotArguments.requireDefaults(rt, "xlabel", [("fontdict", a[1], .none), ("labelpad", a[2], .none), ("loc", a[3], .none)])
            ax.model.x.labelStyle = try PlotArguments.textStyle(rt, kw, base: ax.model.x.labelStyle)
            ax.model.x.label = try rt.str(a[0])
            return .object(PyText(x: 0.5, y: 0, text: ax.model.x.label))
        },
        AxesOperations("set_ylabel", pyplot: "ylabel", "ylabel, fontdict=None, labelpad=None, *, loc=None, **kwargs") { rt, ax, a in
            let kw = try PlotArguments.keywords(rt, a[4], allowed: textKeywords, function: "ylabel")
            try PlotArguments.requireDefaults(rt, "ylabel", [("fontdict", a[1], .none), ("labelpad", a[2], .none), ("loc", a[3], .none)])
            ax.model.y.labelStyle = try PlotArguments.textStyle(rt, kw, base: ax.model.y.labelStyle)
            ax.model.y.label = try rt.str(a[0])
            return .object(PyText(x: 0, y: 0.5, text: ax.model.y.label))
        },
        AxesOperations("set_title", pyplot: "title", "label, fontdict=None, loc=None, pad=None, *, y=None, **kwargs") { rt, ax, a in
            let kw = try PlotArguments.keywords(rt, a[5], allowed: textKeywords, function: "title")
            if !a[2].isNone, try rt.str(a[2]) != "center" {
                throw PyError(T.notImplementedError, "sftnb's matplotlib does not support title(loc=\(try rt.repr(a[2])))")
            }
            try PlotArguments.requireDefaults(rt, "title", [("fontdict", a[1], .none), ("pad", a[3], .none), ("y", a[4], .none)])
            ax.model.titleStyle = try PlotArguments.textStyle(rt, kw, base: ax.model.titleStyle)
            ax.model.title = try rt.str(a[0])
            return .object(PyText(x: 0.5, y: 1.0, text: ax.model.title))
        },
        AxesOperations("legend", "*args, **kwargs") { rt, ax, a in
            try PlotCalls.legend(rt, ax, try rt.iterate(a[0]), a[1])
        },
        AxesOperations("grid", "visible=None, which='major', axis='both', **kwargs") { rt, ax, a in
            try PlotCalls.grid(rt, ax, a)
        },
        AxesOperations("set_xscale", pyplot: "xscale", "value, **kwargs") { rt, ax, a in
            _ = try PlotArguments.keywords(rt, a[1], allowed: [], function: "xscale")
            ax.model.x.scale = try scale(rt, a[0])
            return .none
        },
        AxesOperations("set_yscale", pyplot: "yscale", "value, **kwargs") { rt, ax, a in
            _ = try PlotArguments.keywords(rt, a[1], allowed: [], function: "yscale")
            ax.model.y.scale = try scale(rt, a[0])
            return .none
        },
        AxesOperations("set_xlim", pyplot: nil, "left=None, right=None, *, emit=True, auto=False, xmin=None, xmax=None") { rt, ax, a in
            try PlotArguments.requireDefaults(rt, "set_xlim", [("auto", a[3], .bool(false))])
            return try PlotCalls.setLimits(rt, &ax.model.x, a[0].isNone ? a[4] : a[0], a[1].isNone ? a[5] : a[1], ax.model, isX: true)
        },
        AxesOperations("set_ylim", pyplot: nil, "bottom=None, top=None, *, emit=True, auto=False, ymin=None, ymax=None") { rt, ax, a in
            try PlotArguments.requireDefaults(rt, "set_ylim", [("auto", a[3], .bool(false))])
            return try PlotCalls.setLimits(rt, &ax.model.y, a[0].isNone ? a[4] : a[0], a[1].isNone ? a[5] : a[1], ax.model, isX: false)
        },
    ]

    /// matplotlib plotting calls sftnb does not draw yet: reaching for one raises
    /// NotImplementedError naming it, rather than AttributeError as for a misspelt name.
    static let notYetDrawn: Set<String> = [
        "text", "annotate", "axhspan", "axvspan", "fill_between", "errorbar", "imshow", "pie", "boxplot",
        "barh", "step", "stem", "violinplot", "contour", "contourf", "pcolormesh", "matshow", "stackplot", "hlines", "vlines",
        "twinx", "twiny", "margins", "set_aspect", "invert_xaxis", "invert_yaxis", "spines", "xaxis", "yaxis", "axis", "fill", "hist2d", "hexbin",
    ]

    static func notYetDrawnError(_ owner: String, _ name: String) -> PyError {
        PyError(T.notImplementedError, "sftnb's matplotlib does not support \(owner).\(name) yet; it draws plot, scatter, bar and hist")
    }

    static func scale(_ rt: Interpreter, _ v: Value) throws -> PlotScale {
        let s = try rt.toStr(v, "scale")
        switch s {
        case "linear": return .linear
        case "log": return .log
        case "symlog", "logit", "asinh", "function", "functionlog":
            throw PyError(T.notImplementedError, "sftnb's matplotlib does not support the '\(s)' scale; use 'linear' or 'log'")
        default:
            throw PyError.valueError("'\(s)' is not a valid value for scale; supported values are 'asinh', 'function', 'functionlog', 'linear', 'log', 'logit', 'symlog'")
        }
    }

    /// `(lo, hi)` from a 2-sequence.
    static func pair(_ rt: Interpreter, _ v: Value) throws -> (Double?, Double?) {
        let items = try rt.iterate(v)
        guard items.count == 2 else { throw PyError.valueError("limits must be a (left, right) pair") }
        return (items[0].isNone ? nil : try rt.toDouble(items[0]), items[1].isNone ? nil : try rt.toDouble(items[1]))
    }
}
