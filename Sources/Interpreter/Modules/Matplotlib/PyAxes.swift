import Foundation

/// `matplotlib.axes.Axes`: holds one `PlotAxes` model and the two colour-cycle counters
/// matplotlib keeps per axes (lines and histograms take from one, bars and scatter from the
/// other). The plotting operations live in `AxesOperations`, shared with pyplot's functions.
final class PyAxes: NativeObject {
    var model: PlotAxes
    var lineCycle = 0
    var patchCycle = 0
    weak var figure: PyFigure?

    init(position: PlotRect, figure: PyFigure) {
        model = PlotAxes(position: position)
        self.figure = figure
        super.init(cls: PyAxes.pyClass)
    }

    /// matplotlib's label for an unlabelled artist: `_child` and the number of artists
    /// (each bar counts) the axes held before it.
    var childLabel: String {
        let count = model.artists.reduce(0) { n, a in
            if case .bars(let b) = a { return n + b.rects.count }
            return n + 1
        }
        return "_child\(count)"
    }

    /// The view limits, with axes it shares an axis with.
    var limits: PlotLayout.Limits {
        figure.map { PlotLayout.limits(model, in: $0.snapshot) } ?? PlotLayout.limits(model)
    }

    func nextLineColor() -> PlotColor {
        defer { lineCycle += 1 }
        return PlotFigure.colorCycle[lineCycle % PlotFigure.colorCycle.count]
    }

    func nextPatchColor() -> PlotColor {
        defer { patchCycle += 1 }
        return PlotFigure.colorCycle[patchCycle % PlotFigure.colorCycle.count]
    }

    override func getAttribute(_ rt: Interpreter, _ name: String) throws -> Value? {
        if AxesOperations.notYetDrawn.contains(name) { throw AxesOperations.notYetDrawnError("Axes", name) }
        return nil
    }

    /// `<Axes: title={'center': 't'}, xlabel='x', ylabel='y'>`, as matplotlib 3.8+.
    override func repr(_ rt: Interpreter) throws -> String {
        var fields: [String] = []
        if !model.title.isEmpty { fields.append("title={'center': \(try rt.repr(.str(model.title)))}") }
        if !model.x.label.isEmpty { fields.append("xlabel=\(try rt.repr(.str(model.x.label)))") }
        if !model.y.label.isEmpty { fields.append("ylabel=\(try rt.repr(.str(model.y.label)))") }
        return "<Axes: " + fields.joined(separator: ", ") + ">"
    }

    /// `Axes(0.125,0.11;0.775x0.77)`: position and size in figure fractions, `%g`.
    override func strValue(_ rt: Interpreter) throws -> String? {
        let p = model.position
        func g(_ v: Double) -> String { String(format: "%g", v) }
        return "Axes(\(g(p.x0)),\(g(p.y0));\(g(p.width))x\(g(p.height)))"
    }

    static let pyClass: PyClass = {
        let c = NativeClass<PyAxes>("Axes", module: "matplotlib.axes._axes")
        for op in AxesOperations.all {
            c.method(op.axesName, op.parameters) { rt, this, a in try op.body(rt, this, a) }
        }
        c.method("set", "**kwargs") { rt, this, a in
            let kw = try PlotArguments.keywords(rt, a[0], allowed: ["xlabel", "ylabel", "title", "xscale", "yscale", "xlim", "ylim"],
                                                function: "Axes.set")
            if let v = kw["xlabel"] { this.model.x.label = try rt.str(v) }
            if let v = kw["ylabel"] { this.model.y.label = try rt.str(v) }
            if let v = kw["title"] { this.model.title = try rt.str(v) }
            if let v = kw["xscale"] { this.model.x.scale = try AxesOperations.scale(rt, v) }
            if let v = kw["yscale"] { this.model.y.scale = try AxesOperations.scale(rt, v) }
            if let v = kw["xlim"] { (this.model.x.lower, this.model.x.upper) = try AxesOperations.pair(rt, v) }
            if let v = kw["ylim"] { (this.model.y.lower, this.model.y.upper) = try AxesOperations.pair(rt, v) }
            return .none
        }
        c.method("get_xticks", "*, minor=False") { _, this, _ in .object(PyFloatArray(TickCalls.current(this, isX: true).0)) }
        c.method("get_yticks", "*, minor=False") { _, this, _ in .object(PyFloatArray(TickCalls.current(this, isX: false).0)) }
        c.method("get_xlabel", "") { _, this, _ in .str(this.model.x.label) }
        c.method("get_ylabel", "") { _, this, _ in .str(this.model.y.label) }
        c.method("get_title", "loc='center'") { _, this, _ in .str(this.model.title) }
        c.method("get_xlim", "") { _, this, _ in
            let l = this.limits
            return .object(PyTuple([.float(l.x.lo), .float(l.x.hi)]))
        }
        c.method("get_ylim", "") { _, this, _ in
            let l = this.limits
            return .object(PyTuple([.float(l.y.lo), .float(l.y.hi)]))
        }
        c.property("figure") { _, this in this.figure.map { .object($0) } ?? .none }
        return c.pyClass
    }()
}

/// `bar`'s return value: `<BarContainer object of 3 artists>`, iterable over its rectangles.
final class PyBarContainer: NativeObject {
    let rectangles: [PyRectangle]

    init(_ rectangles: [PyRectangle]) {
        self.rectangles = rectangles
        super.init(cls: PyBarContainer.pyClass)
    }

    override func repr(_ rt: Interpreter) throws -> String { "<BarContainer object of \(rectangles.count) artists>" }
    override func length(_ rt: Interpreter) throws -> Int? { rectangles.count }
    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        var i = try rt.toInt(key)
        if i < 0 { i += rectangles.count }
        guard rectangles.indices.contains(i) else { throw PyError.indexError("index out of range") }
        return .object(rectangles[i])
    }
    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        var it = rectangles.makeIterator()
        return { it.next().map { .object($0) } }
    }

    static let pyClass: PyClass = NativeClass<PyBarContainer>("BarContainer", module: "matplotlib.container").pyClass
}

/// One bar: `Rectangle(xy=(0.6, 0), width=0.8, height=3, angle=0)`.
final class PyRectangle: NativeObject {
    let x: Value, y: Value, width: Value, height: Value

    init(x: Value, y: Value, width: Value, height: Value) {
        self.x = x; self.y = y; self.width = width; self.height = height
        super.init(cls: PyRectangle.pyClass)
    }

    override func repr(_ rt: Interpreter) throws -> String {
        "Rectangle(xy=(\(try rt.repr(x)), \(try rt.repr(y))), width=\(try rt.repr(width)), height=\(try rt.repr(height)), angle=0)"
    }

    static let pyClass: PyClass = NativeClass<PyRectangle>("Rectangle", module: "matplotlib.patches")
        .method("get_x", "") { _, this, _ in this.x }
        .method("get_y", "") { _, this, _ in this.y }
        .method("get_width", "") { _, this, _ in this.width }
        .method("get_height", "") { _, this, _ in this.height }
        .pyClass
}

/// `plt.subplots(1, 3)`'s axes: numpy's object array in matplotlib, here a small sequence
/// with numpy's indexing (`axes[0]`, `axes[0, 1]`, `axes[0][1]`), `shape`, `flat`,
/// `flatten()`/`ravel()`, and numpy's repr.
final class PyAxesArray: NativeObject {
    let rows: [[PyAxes]]
    /// A 1-D array when squeezed from one row or one column.
    let oneDimensional: Bool

    init(rows: [[PyAxes]], oneDimensional: Bool) {
        self.rows = rows
        self.oneDimensional = oneDimensional
        super.init(cls: PyAxesArray.pyClass)
    }

    var flat: [PyAxes] { rows.flatMap { $0 } }

    override func length(_ rt: Interpreter) throws -> Int? { oneDimensional ? flat.count : rows.count }

    override func getItem(_ rt: Interpreter, _ key: Value) throws -> Value {
        func index(_ v: Value, _ count: Int) throws -> Int {
            var i = try rt.toInt(v)
            if i < 0 { i += count }
            guard i >= 0, i < count else { throw PyError.indexError("index \(try rt.toInt(v)) is out of bounds for axis 0 with size \(count)") }
            return i
        }
        if case .object(let o) = key, let t = o as? PyTuple {
            guard !oneDimensional, t.items.count == 2 else { throw PyError.indexError("too many indices for array") }
            let r = try index(t.items[0], rows.count)
            return .object(rows[r][try index(t.items[1], rows[r].count)])
        }
        if oneDimensional { return .object(flat[try index(key, flat.count)]) }
        let r = try index(key, rows.count)
        return .object(PyAxesArray(rows: [rows[r]], oneDimensional: true))
    }

    override func iterator(_ rt: Interpreter) throws -> () throws -> Value? {
        let items: [Value] = oneDimensional ? flat.map { .object($0) } : rows.map { .object(PyAxesArray(rows: [$0], oneDimensional: true)) }
        var it = items.makeIterator()
        return { it.next() }
    }

    override func repr(_ rt: Interpreter) throws -> String {
        func row(_ r: [PyAxes]) throws -> String { "[" + (try r.map { try $0.repr(rt) }.joined(separator: ", ")) + "]" }
        if oneDimensional { return "array(" + (try row(flat)) + ", dtype=object)" }
        return "array([" + (try rows.map { try row($0) }.joined(separator: ",\n       ")) + "], dtype=object)"
    }

    override func strValue(_ rt: Interpreter) throws -> String? {
        func row(_ r: [PyAxes]) throws -> String { "[" + (try r.map { try $0.repr(rt) }.joined(separator: " ")) + "]" }
        if oneDimensional { return try row(flat) }
        return "[" + (try rows.map { try row($0) }.joined(separator: "\n ")) + "]"
    }

    static let pyClass: PyClass = NativeClass<PyAxesArray>("ndarray", module: "numpy")
        .property("shape") { _, this in
            this.oneDimensional ? .object(PyTuple([.int(this.flat.count)]))
                : .object(PyTuple([.int(this.rows.count), .int(this.rows.first?.count ?? 0)]))
        }
        .property("flat") { _, this in .object(PyList(this.flat.map { .object($0) })) }
        .method("flatten", "") { _, this, _ in .object(PyAxesArray(rows: [this.flat], oneDimensional: true)) }
        .method("ravel", "") { _, this, _ in .object(PyAxesArray(rows: [this.flat], oneDimensional: true)) }
        .pyClass
}
