import Foundation

/// `xticks`/`yticks`, `set_xticks`/`set_xticklabels` and `tick_params`: fixed tick positions,
/// their labels, and the labels' rotation, alignment and size.
enum TickCalls {
    static let styleKeywords: Set<String> = ["rotation", "ha", "horizontalalignment", "fontsize"]

    /// `rotation=`, `ha=`/`horizontalalignment=`, `fontsize=` onto the axis' tick labels.
    static func applyStyle(_ rt: Interpreter, _ axis: inout PlotAxis, _ kw: [String: Value]) throws {
        if let r = kw["rotation"], !r.isNone {
            if case .object(let o) = r, let s = o as? PyStr {
                switch s.value {
                case "horizontal": axis.tickRotation = 0
                case "vertical": axis.tickRotation = 90
                default: throw PyError.valueError("rotation must be 'vertical', 'horizontal' or a number, not '\(s.value)'")
                }
            } else {
                axis.tickRotation = try rt.toDouble(r)
            }
        }
        if let a = kw["ha"] ?? kw["horizontalalignment"], !a.isNone {
            let name = try rt.toStr(a, "ha")
            guard AxesLayout.align(name) != nil else {
                throw PyError.valueError("'\(name)' is not a valid value for horizontalalignment; supported values are 'left', 'center', 'right'")
            }
            axis.tickAlign = name
        }
        if kw["fontsize"] != nil {
            axis.tickSize = try PlotArguments.textStyle(rt, kw, base: PlotTextStyle(size: axis.tickSize)).size
        }
    }

    /// `set_xticks(ticks, labels=None, **label_style)` → the ticks (XTick handles).
    static func setTicks(_ rt: Interpreter, _ axis: inout PlotAxis, _ ticks: Value, _ labels: Value, _ kw: [String: Value],
                         isX: Bool) throws -> Value {
        let positions = try PlotArguments.numbers(rt, ticks, "ticks")
        axis.fixedTicks = positions
        if !labels.isNone {
            let names = try rt.iterate(labels).map { try rt.str($0) }
            guard names.count == positions.count else {
                throw PyError.valueError("The number of FixedLocator locations (\(positions.count)), usually from a call to set_ticks, does not match the number of labels (\(names.count)).")
            }
            axis.fixedTickLabels = names
        } else {
            axis.fixedTickLabels = nil
        }
        try applyStyle(rt, &axis, kw)
        let cls = isX ? PyArtistHandle.xTickClass : PyArtistHandle.yTickClass
        return .object(PyList(positions.map { _ in .object(PyArtistHandle(cls)) }))
    }

    /// `set_xticklabels(labels, **label_style)`: names for the current (fixed) ticks.
    static func setLabels(_ rt: Interpreter, _ ax: PyAxes, _ labels: Value, _ kw: [String: Value], isX: Bool) throws -> Value {
        let names = try rt.iterate(labels).map { try rt.str($0) }
        var axis = isX ? ax.model.x : ax.model.y
        if axis.fixedTicks == nil { axis.fixedTicks = current(ax, isX: isX).0 }
        defer { if isX { ax.model.x = axis } else { ax.model.y = axis } }
        let positions = axis.fixedTicks ?? []
        guard names.count == positions.count else {
            throw PyError.valueError("The number of FixedLocator locations (\(positions.count)), usually from a call to set_ticks, does not match the number of labels (\(names.count)).")
        }
        axis.fixedTickLabels = names
        try applyStyle(rt, &axis, kw)
        return .object(PyList(zip(positions, names).map { .object(PyText.tick($0, $1, isX: isX)) }))
    }

    /// pyplot's `xticks(ticks=None, labels=None, **label_style)` → (locations, labels).
    static func pyplotTicks(_ rt: Interpreter, _ ax: PyAxes, _ a: [Value], isX: Bool) throws -> Value {
        let name = isX ? "xticks" : "yticks"
        let kw = try PlotArguments.keywords(rt, a[3], allowed: styleKeywords, function: name)
        try PlotArguments.requireDefaults(rt, name, [("minor", a[2], .bool(false))])
        var axis = isX ? ax.model.x : ax.model.y
        if !a[0].isNone {
            _ = try setTicks(rt, &axis, a[0], a[1], kw, isX: isX)
        } else {
            if !a[1].isNone { throw PyError.typeError("\(name)(): Parameter 'labels' can't be set without setting 'ticks'") }
            try applyStyle(rt, &axis, kw)
        }
        if isX { ax.model.x = axis } else { ax.model.y = axis }
        let (positions, labels) = current(ax, isX: isX)
        return .object(PyTuple([.object(PyFloatArray(positions)),
                                .object(PyList(zip(positions, labels).map { .object(PyText.tick($0, $1, isX: isX)) }))]))
    }

    /// The axis' ticks as matplotlib's `get_xticks()` gives them: a linear axis's locator
    /// output, which runs one step past each end of the view; otherwise the ticks shown.
    static func current(_ ax: PyAxes, isX: Bool) -> ([Double], [String]) {
        let figure = ax.figure?.snapshot ?? PlotFigure(number: 0)
        let layout = AxesLayout(axes: ax.model, figure: figure, pt: figure.dpi / 72)
        let axis = isX ? ax.model.x : ax.model.y
        let ticks = isX ? layout.xTicks : layout.yTicks
        guard axis.fixedTicks == nil, axis.categories.isEmpty, axis.scale == .linear else {
            return (ticks.positions, ticks.labels.map(\.plain))
        }
        let (lo, hi) = isX ? layout.limits.x : layout.limits.y
        let points = (isX ? layout.box.width : layout.box.height) / layout.pt
        let raw = Ticks.maxN(lo, hi, nbins: PlotLayout.binCount(axisLengthPoints: points, vertical: !isX))
        return (raw, Ticks.scalarLabels(raw, lo: min(lo, hi), hi: max(lo, hi)).0.map(\.plain))
    }

    /// `tick_params(axis='both', labelrotation=..., labelsize=...)`.
    static func tickParams(_ rt: Interpreter, _ ax: PyAxes, _ a: [Value]) throws -> Value {
        let kw = try PlotArguments.keywords(rt, a[1], allowed: ["labelrotation", "labelsize"], function: "tick_params")
        let which = try rt.toStr(a[0], "axis")
        guard ["x", "y", "both"].contains(which) else { throw PyError.valueError("axis must be one of 'x', 'y', 'both', not '\(which)'") }
        var style: [String: Value] = [:]
        if let r = kw["labelrotation"] { style["rotation"] = r }
        if let s = kw["labelsize"] { style["fontsize"] = s }
        if which != "y" { try applyStyle(rt, &ax.model.x, style) }
        if which != "x" { try applyStyle(rt, &ax.model.y, style) }
        return .none
    }
}
