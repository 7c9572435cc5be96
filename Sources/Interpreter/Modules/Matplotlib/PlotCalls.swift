import Foundation

/// The bodies of `plot`, `scatter`, `bar`, `hist`, `legend`, `grid` and the limit setters:
/// arguments read as matplotlib reads them, artists appended to the axes model, and
/// matplotlib's return values.
enum PlotCalls {
    static let lineKeywords: Set<String> = ["label", "color", "c", "linestyle", "ls", "marker", "linewidth", "lw",
                                            "markersize", "ms", "alpha"]

    /// `plot([x], y, [fmt], [x2], y2, [fmt2], ..., **kwargs)` → a list of Line2D.
    static func plot(_ rt: Interpreter, _ ax: PyAxes, _ args: [Value], _ kwargs: Value) throws -> Value {
        let kw = try PlotArguments.keywords(rt, kwargs, allowed: lineKeywords, function: "plot")
        var groups: [[Value]] = []
        var rest = args[...]
        while !rest.isEmpty {
            var group = Array(rest.prefix(2))
            rest = rest.dropFirst(2)
            if let next = rest.first, case .object(let o) = next, o is PyStr {
                group.append(next)
                rest = rest.dropFirst()
            }
            groups.append(group)
        }
        var handles: [Value] = []
        for group in groups {
            var data = group
            var fmt = PlotArguments.Format()
            if data.count > 1, case .object(let o) = data[data.count - 1], let s = o as? PyStr {
                fmt = try PlotArguments.format(s.value)
                data.removeLast()
            }
            let ys = try PlotArguments.numbers(rt, data[data.count - 1], "y")
            let xs = data.count == 2 ? try PlotArguments.numbers(rt, data[0], "x") : ys.indices.map(Double.init)
            guard xs.count == ys.count else {
                throw PyError.valueError("x and y must have same first dimension, but have shapes (\(xs.count),) and (\(ys.count),)")
            }
            let line = try makeLine(rt, ax, xs: xs, ys: ys, fmt: fmt, kw: kw)
            handles.append(.object(PyArtistHandle(PyArtistHandle.lineClass, color: line.color, label: line.label ?? ax.childLabel)))
            ax.model.artists.append(.line(line))
        }
        return .object(PyList(handles))
    }

    private static func makeLine(_ rt: Interpreter, _ ax: PyAxes, xs: [Double], ys: [Double], fmt: PlotArguments.Format,
                                 kw: [String: Value]) throws -> PlotLine {
        var color: PlotColor
        if let c = kw["color"] ?? kw["c"] { color = try PlotArguments.color(rt, c) } else if let c = fmt.color { color = c } else { color = ax.nextLineColor() }
        if let alpha = kw["alpha"], !alpha.isNone { color.a = try rt.toDouble(alpha) }
        var shape = fmt.marker
        if let m = kw["marker"] { shape = try PlotArguments.markerShape(rt, m) }
        var style = fmt.style ?? (fmt.marker == nil ? .solid : .none)
        if let s = kw["linestyle"] ?? kw["ls"] { style = try PlotArguments.lineStyle(rt, s) }
        let width = try (kw["linewidth"] ?? kw["lw"]).map { try rt.toDouble($0) } ?? 1.5
        let size = try (kw["markersize"] ?? kw["ms"]).map { try rt.toDouble($0) } ?? 6
        let label = try kw["label"].flatMap { $0.isNone ? nil : try rt.str($0) }
        let marker = shape.map { PlotMarker(shape: $0, size: size, face: color, edge: color, edgeWidth: 1) }
        return PlotLine(xs: xs, ys: ys, color: color, width: width, style: style, marker: marker, label: label)
    }

    /// `axhline(y)` / `axvline(x)`: a line across the axes, drawn in `lines.color` (C0)
    /// without taking a colour from the cycle, as matplotlib does.
    static func referenceLine(_ rt: Interpreter, _ ax: PyAxes, _ value: Double, _ span: PlotLine.Span, _ kwargs: Value) throws -> Value {
        let function = span == .horizontal ? "axhline" : "axvline"
        let kw = try PlotArguments.keywords(rt, kwargs, allowed: ["label", "color", "c", "linestyle", "ls", "linewidth", "lw", "alpha"],
                                            function: function)
        var line = try makeLine(rt, ax, xs: [value], ys: [value], fmt: PlotArguments.Format(color: PlotFigure.colorCycle[0]), kw: kw)
        line.span = span
        let handle = PyArtistHandle(PyArtistHandle.lineClass, color: line.color, label: line.label ?? ax.childLabel)
        ax.model.artists.append(.line(line))
        return .object(handle)
    }

    /// `scatter(x, y, s=None, c=None, marker=None, ..., alpha=None, label=..., color=...)` → PathCollection.
    static func scatter(_ rt: Interpreter, _ ax: PyAxes, _ a: [Value]) throws -> Value {
        let kw = try PlotArguments.keywords(rt, a[12], allowed: ["label", "color"], function: "scatter")
        for (i, name) in [(5, "cmap"), (6, "norm"), (7, "vmin"), (8, "vmax"), (10, "linewidths"), (11, "edgecolors")] where !a[i].isNone {
            throw PyError(T.notImplementedError, "sftnb's matplotlib does not support scatter(\(name)=...)")
        }
        let xs = try PlotArguments.numbers(rt, a[0], "x"), ys = try PlotArguments.numbers(rt, a[1], "y")
        guard xs.count == ys.count else { throw PyError.valueError("x and y must be the same size") }
        let sizes = a[2].isNone ? [] : try PlotArguments.numbers(rt, a[2], "s")
        var colors: [PlotColor] = []
        if let c = kw["color"] { colors = [try PlotArguments.color(rt, c)] }
        if !a[3].isNone {
            if case .object(let o) = a[3], o is PyStr {
                colors = [try PlotArguments.color(rt, a[3])]
            } else {
                let items = try rt.iterate(a[3])
                if items.allSatisfy({ if case .object(let o) = $0 { return o is PyStr || o is PyTuple } else { return false } }) {
                    colors = try items.map { try PlotArguments.color(rt, $0) }
                } else {
                    throw PyError(T.notImplementedError, "sftnb's matplotlib does not support scatter(c=<numbers>) (colour maps); pass colour names")
                }
            }
        }
        if colors.isEmpty { colors = [ax.nextPatchColor()] }
        if !a[9].isNone {
            let alpha = try rt.toDouble(a[9])
            colors = colors.map { var c = $0; c.a = alpha; return c }
        }
        let shape = try PlotArguments.markerShape(rt, a[4]) ?? .circle
        let label = try kw["label"].flatMap { $0.isNone ? nil : try rt.str($0) }
        let handle = PyArtistHandle(PyArtistHandle.collectionClass, color: colors.first, label: label ?? ax.childLabel)
        ax.model.artists.append(.scatter(PlotScatter(xs: xs, ys: ys, sizes: sizes, colors: colors, shape: shape, label: label)))
        return .object(handle)
    }

    static let patchKeywords: Set<String> = ["color", "edgecolor", "linewidth", "lw", "label", "alpha"]

    /// `bar(x, height, width=0.8, bottom=None, align='center', **kwargs)` → BarContainer;
    /// string x values become categories (ticks labelled with them).
    static func bar(_ rt: Interpreter, _ ax: PyAxes, _ a: [Value]) throws -> Value {
        let kw = try PlotArguments.keywords(rt, a[5], allowed: patchKeywords, function: "bar")
        let align = try rt.toStr(a[4], "align")
        guard align == "center" || align == "edge" else {
            throw PyError.valueError("'\(align)' is not a valid value for align; supported values are 'center', 'edge'")
        }
        var xValues = isScalar(a[0]) ? [a[0]] : try rt.iterate(a[0])
        let heights = isScalar(a[1]) ? [a[1]] : try rt.iterate(a[1])
        if xValues.count == 1 && heights.count > 1 { xValues = Array(repeating: xValues[0], count: heights.count) }
        guard xValues.count == heights.count else {
            throw PyError.valueError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (\(xValues.count),) and arg 1 with shape (\(heights.count),).")
        }
        var positions: [Double] = []
        for v in xValues {
            if case .object(let o) = v, o is PyStr { positions.append(try category(rt, ax, v)) } else { positions.append(try rt.toDouble(v)) }
        }
        let widths = isScalar(a[2]) ? [a[2]] : try rt.iterate(a[2])
        let bottoms = a[3].isNone ? [Value.int(0)] : isScalar(a[3]) ? [a[3]] : try rt.iterate(a[3])
        var color = try kw["color"].map { try PlotArguments.color(rt, $0) } ?? ax.nextPatchColor()
        if let alpha = kw["alpha"], !alpha.isNone { color.a = try rt.toDouble(alpha) }
        let edge = try kw["edgecolor"].map { try PlotArguments.color(rt, $0) }
        let edgeWidth = try (kw["linewidth"] ?? kw["lw"]).map { try rt.toDouble($0) } ?? (edge == nil ? 0 : 1)
        var rects: [PlotRect] = [], handles: [PyRectangle] = []
        for (i, x) in positions.enumerated() {
            let wv = widths[i % widths.count], bv = bottoms[i % bottoms.count]
            let w = try rt.toDouble(wv), b = try rt.toDouble(bv), h = try rt.toDouble(heights[i])
            let left = align == "center" ? x - w / 2 : x
            rects.append(PlotRect(x0: left, y0: b, x1: left + w, y1: b + h))
            handles.append(PyRectangle(x: .float(left), y: bv, width: wv, height: heights[i]))
        }
        let label = try kw["label"].flatMap { $0.isNone ? nil : try rt.str($0) }
        ax.model.artists.append(.bars(PlotBars(rects: rects, color: color, edgeColor: edge, edgeWidth: edgeWidth, label: label)))
        return .object(PyBarContainer(handles))
    }

    private static func isScalar(_ v: Value) -> Bool {
        switch v {
        case .int, .float, .bool, .none: return true
        case .object(let o): return o is PyStr
        }
    }

    /// The position of a category name on the x axis (new names go to the end).
    private static func category(_ rt: Interpreter, _ ax: PyAxes, _ v: Value) throws -> Double {
        let name = try rt.str(v)
        if let i = ax.model.x.categories.firstIndex(of: name) { return Double(i) }
        ax.model.x.categories.append(name)
        return Double(ax.model.x.categories.count - 1)
    }

    /// `hist(x, bins=10, range=None, density=False, ...)` → (counts, bin_edges, BarContainer),
    /// the first two float arrays as numpy's,
    /// counted as numpy's `histogram` (equal-width bins, the last one closed).
    static func hist(_ rt: Interpreter, _ ax: PyAxes, _ a: [Value]) throws -> Value {
        let kw = try PlotArguments.keywords(rt, a[15], allowed: ["alpha", "edgecolor", "linewidth", "lw"], function: "hist")
        try PlotArguments.requireDefaults(rt, "hist", [("weights", a[4], .none), ("cumulative", a[5], .bool(false)),
                                                       ("bottom", a[6], .none), ("align", a[8], .str("mid")),
                                                       ("orientation", a[9], .str("vertical")), ("rwidth", a[10], .none),
                                                       ("log", a[11], .bool(false)), ("stacked", a[14], .bool(false))])
        let histtype = try rt.toStr(a[7], "histtype")
        guard histtype == "bar" else { throw PyError(T.notImplementedError, "sftnb's matplotlib does not support hist(histtype='\(histtype)')") }
        let values = try PlotArguments.numbers(rt, a[0], "x").filter { !$0.isNaN }
        var edges: [Double]
        if case .object(let o) = a[1], !(o is PyStr) {
            edges = try PlotArguments.numbers(rt, a[1], "bins")
            guard edges.count >= 2, zip(edges, edges.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw PyError.valueError("`bins` must increase monotonically, when an array")
            }
        } else {
            if case .object(let o) = a[1], o is PyStr {
                throw PyError(T.notImplementedError, "sftnb's matplotlib does not support hist(bins='\(try rt.str(a[1]))'); pass a number of bins")
            }
            let n = a[1].isNone ? 10 : try rt.toInt(a[1])
            guard n >= 1 else { throw PyError.valueError("`bins` must be positive, when an integer") }
            var (lo, hi) = (values.min() ?? 0, values.max() ?? 1)
            if !a[2].isNone {
                let (l, h) = try AxesOperations.pair(rt, a[2])
                (lo, hi) = (l ?? lo, h ?? hi)
            }
            if lo == hi { (lo, hi) = (lo - 0.5, hi + 0.5) }
            edges = (0...n).map { lo + (hi - lo) * Double($0) / Double(n) }
        }
        var counts = [Double](repeating: 0, count: edges.count - 1)
        let first = edges[0], last = edges[edges.count - 1]
        for v in values where v >= first && v <= last {
            var k = edges.count - 2
            if v < last {
                var lo = 0, hi = edges.count - 1
                while hi - lo > 1 {
                    let mid = (lo + hi) / 2
                    if edges[mid] <= v { lo = mid } else { hi = mid }
                }
                k = lo
            }
            counts[k] += 1
        }
        if try rt.truthy(a[3]) {
            let total = counts.reduce(0, +)
            counts = counts.indices.map { total > 0 ? counts[$0] / total / (edges[$0 + 1] - edges[$0]) : 0 }
        }
        var color = a[12].isNone ? ax.nextLineColor() : try PlotArguments.color(rt, a[12])
        if let alpha = kw["alpha"], !alpha.isNone { color.a = try rt.toDouble(alpha) }
        let edge = try kw["edgecolor"].map { try PlotArguments.color(rt, $0) }
        let edgeWidth = try (kw["linewidth"] ?? kw["lw"]).map { try rt.toDouble($0) } ?? (edge == nil ? 0 : 1)
        var rects: [PlotRect] = [], handles: [PyRectangle] = []
        for i in counts.indices {
            rects.append(PlotRect(x0: edges[i], y0: 0, x1: edges[i + 1], y1: counts[i]))
            handles.append(PyRectangle(x: .float(edges[i]), y: .int(0), width: .float(edges[i + 1] - edges[i]), height: .float(counts[i])))
        }
        let label = a[13].isNone ? nil : try rt.str(a[13])
        ax.model.artists.append(.bars(PlotBars(rects: rects, color: color, edgeColor: edge, edgeWidth: edgeWidth, label: label)))
        return .object(PyTuple([.object(PyFloatArray(counts)), .object(PyFloatArray(edges)), .object(PyBarContainer(handles))]))
    }

    /// `legend()`, `legend(loc=...)`, `legend(['a', 'b'])` (labels for the artists in order).
    static func legend(_ rt: Interpreter, _ ax: PyAxes, _ args: [Value], _ kwargs: Value) throws -> Value {
        let kw = try PlotArguments.keywords(rt, kwargs, allowed: ["loc", "labels", "fontsize", "frameon"], function: "legend")
        var labels: [Value]?
        if let l = kw["labels"] { labels = try rt.iterate(l) }
        if args.count == 1 { labels = try rt.iterate(args[0]) } else if args.count > 1 {
            throw PyError(T.notImplementedError, "sftnb's matplotlib does not support legend(handles, labels); label the artists or pass a list of labels")
        }
        if let labels {
            for (i, label) in labels.enumerated() where i < ax.model.artists.count {
                let text = try rt.str(label)
                switch ax.model.artists[i] {
                case .line(var l): l.label = text; ax.model.artists[i] = .line(l)
                case .scatter(var s): s.label = text; ax.model.artists[i] = .scatter(s)
                case .bars(var b): b.label = text; ax.model.artists[i] = .bars(b)
                }
            }
        }
        var legend = PlotLegend()
        if let f = kw["fontsize"], !f.isNone {
            legend.fontSize = try PlotArguments.textStyle(rt, ["fontsize": f], base: PlotTextStyle(size: 10)).size
        }
        if let frame = kw["frameon"], !frame.isNone { legend.frameOn = try rt.truthy(frame) }
        if let loc = kw["loc"], !loc.isNone {
            let name = try rt.toStr(loc, "loc")
            guard let l = PlotLegendLocation(rawValue: name) else {
                throw PyError.valueError("'\(name)' is not a valid value for loc; supported values are "
                                             + PlotLegendLocation.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
            }
            legend.location = l
        }
        let labelled = ax.model.artists.contains { ($0.label.map { !$0.isEmpty && !$0.hasPrefix("_") }) ?? false }
        if !labelled {
            rt.output("UserWarning: No artists with labels found to put in legend.  Note that artists whose label start with an underscore are ignored when legend() is called with no argument.\n", .stderr)
        }
        ax.model.legend = legend
        return .object(PyArtistHandle(PyArtistHandle.legendClass))
    }

    /// `grid(visible=None, which='major', axis='both', color=, linestyle=, linewidth=, alpha=)`:
    /// no `visible` and no style toggles the grid, as matplotlib does.
    static func grid(_ rt: Interpreter, _ ax: PyAxes, _ a: [Value]) throws -> Value {
        let kw = try PlotArguments.keywords(rt, a[3], allowed: ["color", "c", "linestyle", "ls", "linewidth", "lw", "alpha"],
                                            function: "grid")
        let which = try rt.toStr(a[1], "which")
        guard which == "major" || which == "both" else {
            throw PyError(T.notImplementedError, "sftnb's matplotlib does not support grid(which='\(which)') (minor ticks)")
        }
        let axis = try rt.toStr(a[2], "axis")
        guard ["both", "x", "y"].contains(axis) else { throw PyError.valueError("axis must be one of 'x', 'y', 'both', not '\(axis)'") }
        var style = PlotGrid()
        if let c = kw["color"] ?? kw["c"] { style.color = try PlotArguments.color(rt, c) }
        if let s = kw["linestyle"] ?? kw["ls"] { style.style = try PlotArguments.lineStyle(rt, s) }
        if let w = kw["linewidth"] ?? kw["lw"] { style.width = try rt.toDouble(w) }
        if let alpha = kw["alpha"], !alpha.isNone { style.color.a = try rt.toDouble(alpha) }
        func apply(_ target: inout PlotAxis) throws {
            let on: Bool
            if !a[0].isNone { on = try rt.truthy(a[0]) } else if !kw.isEmpty { on = true } else { on = target.grid == nil }
            target.grid = on ? style : nil
        }
        if axis != "y" { try apply(&ax.model.x) }
        if axis != "x" { try apply(&ax.model.y) }
        return .none
    }

    /// `set_xlim(left, right)` / `set_xlim((left, right))` → the new limits.
    static func setLimits(_ rt: Interpreter, _ axis: inout PlotAxis, _ first: Value, _ second: Value, _ model: PlotAxes,
                          isX: Bool) throws -> Value {
        var lo: Double?, hi: Double?
        if case .object(let o) = first, o is PyTuple || o is PyList {
            (lo, hi) = try AxesOperations.pair(rt, first)
        } else {
            lo = first.isNone ? nil : try rt.toDouble(first)
            hi = second.isNone ? nil : try rt.toDouble(second)
        }
        let current = PlotLayout.limits(model)
        let (clo, chi) = isX ? current.x : current.y
        axis.lower = lo ?? axis.lower ?? clo
        axis.upper = hi ?? axis.upper ?? chi
        if axis.lower == axis.upper {
            rt.output("UserWarning: Attempting to set identical low and high \(isX ? "x" : "y")lims makes transformation singular; automatically expanding.\n", .stderr)
            let (l, h) = Ticks.nonsingular(axis.lower ?? 0, axis.upper ?? 0, expander: 0.001)
            (axis.lower, axis.upper) = (l, h)
        }
        return .object(PyTuple([.float(axis.lower ?? clo), .float(axis.upper ?? chi)]))
    }
}
