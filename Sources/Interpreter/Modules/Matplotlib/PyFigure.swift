import Foundation

/// `matplotlib.figure.Figure`: its size, its axes (`PyAxes`, each holding a `PlotAxes`
/// model) and its suptitle. `snapshot` is the pure-data `PlotFigure` renderers take.
final class PyFigure: NativeObject {
    let number: Int
    var width: Double
    var height: Double
    var dpi: Double
    var axes: [PyAxes] = []
    var currentAxes: PyAxes?
    var suptitle = ""
    var suptitleStyle = PlotTextStyle(size: 12)

    init(number: Int, width: Double, height: Double, dpi: Double) {
        self.number = number
        self.width = width
        self.height = height
        self.dpi = dpi
        super.init(cls: PyFigure.pyClass)
    }

    var snapshot: PlotFigure {
        var f = PlotFigure(number: number, width: width, height: height, dpi: dpi)
        f.axes = axes.map(\.model)
        f.suptitle = suptitle
        f.suptitleStyle = suptitleStyle
        return f
    }

    /// The current axes, made (filling the figure's default area) when there is none.
    func gca() -> PyAxes {
        if let a = currentAxes { return a }
        return addAxes(at: SubplotGrid.position(rows: 1, columns: 1, index: 0))
    }

    @discardableResult
    func addAxes(at position: PlotRect) -> PyAxes {
        let a = PyAxes(position: position, figure: self)
        axes.append(a)
        currentAxes = a
        return a
    }

    func clear() {
        axes = []
        currentAxes = nil
        suptitle = ""
        suptitleStyle = PlotTextStyle(size: 12)
    }

    override func repr(_ rt: Interpreter) throws -> String { snapshot.plainText }

    override func strValue(_ rt: Interpreter) throws -> String? {
        "Figure(\(snapshot.pixelWidth)x\(snapshot.pixelHeight))"
    }

    static let pyClass: PyClass = NativeClass<PyFigure>("Figure", module: "matplotlib.figure")
        .method("add_subplot", "*args, **kwargs") { rt, this, a in
            _ = try PlotArguments.keywords(rt, a[1], allowed: [], function: "Figure.add_subplot")
            let (rows, columns, index) = try SubplotGrid.spec(rt, try rt.iterate(a[0]))
            return .object(this.addAxes(at: SubplotGrid.position(rows: rows, columns: columns, index: index)))
        }
        .method("gca", "") { _, this, _ in .object(this.gca()) }
        .method("suptitle", "t, **kwargs") { rt, this, a in
            let kw = try PlotArguments.keywords(rt, a[1], allowed: AxesOperations.textKeywords, function: "suptitle")
            this.suptitleStyle = try PlotArguments.textStyle(rt, kw, base: this.suptitleStyle)
            this.suptitle = try rt.toStr(a[0], "suptitle")
            return .object(PyText(x: 0.5, y: 0.98, text: this.suptitle))
        }
        .method("tight_layout", "*, pad=1.08, h_pad=None, w_pad=None, rect=None") { rt, this, a in
            try TightLayout.requireDefaults(rt, a)
            TightLayout.apply(this)
            return .none
        }
        .method("savefig", "fname, **kwargs") { rt, this, a in
            try Pyplot.savefig(rt, this, a[0], a[1])
            return .none
        }
        .method("show", "warn=True") { _, _, _ in .none }
        .method("set_size_inches", "w, h=None") { rt, this, a in
            var size = a[1].isNone ? try PlotArguments.numbers(rt, a[0], "size") : [try rt.toDouble(a[0]), try rt.toDouble(a[1])]
            guard size.count == 2 else { throw PyError.valueError("set_size_inches() takes (width, height)") }
            try Pyplot.checkDrawable(PlotFigure(number: 0, width: size[0], height: size[1], dpi: this.dpi))
            (this.width, this.height) = (size.removeFirst(), size[0])
            return .none
        }
        .method("clear", "keep_observers=False") { _, this, _ in this.clear(); return .none }
        .method("clf", "keep_observers=False") { _, this, _ in this.clear(); return .none }
        .property("axes") { _, this in .object(PyList(this.axes.map { .object($0) })) }
        .property("number") { _, this in .int(this.number) }
        .property("dpi") { _, this in .float(this.dpi) }
        .method("get_size_inches", "") { _, this, _ in .object(PyTuple([.float(this.width), .float(this.height)])) }
        .method("get_axes", "") { _, this, _ in .object(PyList(this.axes.map { .object($0) })) }
        .pyClass
}

/// Axes positions of a grid of subplots with matplotlib's default subplot parameters
/// (left 0.125, right 0.9, bottom 0.11, top 0.88, 20% gaps).
enum SubplotGrid {
    static let left = 0.125, right = 0.9, bottom = 0.11, top = 0.88, wspace = 0.2, hspace = 0.2

    /// `index` counts from 0, row by row; gaps are fractions of a cell's width/height.
    static func position(rows: Int, columns: Int, index: Int, left: Double = left, right: Double = right,
                         bottom: Double = bottom, top: Double = top, wspace: Double = wspace,
                         hspace: Double = hspace) -> PlotRect {
        let cellW = (right - left) / (Double(columns) + wspace * Double(columns - 1))
        let cellH = (top - bottom) / (Double(rows) + hspace * Double(rows - 1))
        let r = index / columns, c = index % columns
        let x0 = left + Double(c) * cellW * (1 + wspace)
        let y1 = top - Double(r) * cellH * (1 + hspace)
        return PlotRect(x0: x0, y0: y1 - cellH, x1: x0 + cellW, y1: y1)
    }

    enum Sharing { case none, all, row, column }

    /// `sharex=`/`sharey=`: False/'none', True/'all', 'row' or 'col'.
    static func sharing(_ rt: Interpreter, _ v: Value, _ name: String) throws -> Sharing {
        if case .object(let o) = v, let s = o as? PyStr {
            switch s.value {
            case "none": return .none
            case "all": return .all
            case "row": return .row
            case "col": return .column
            default: throw PyError.valueError("'\(s.value)' is not a valid value for \(name); supported values are 'all', 'row', 'col', 'none'")
            }
        }
        return try rt.truthy(v) ? .all : .none
    }

    /// Groups shared axes (autoscaled together) and hides the tick labels of inner subplots:
    /// x labels on all but the bottom row, y labels on all but the first column.
    static func share(_ grid: [[PyAxes]], x: Sharing, y: Sharing) {
        for (r, row) in grid.enumerated() {
            for (c, axes) in row.enumerated() {
                switch x {
                case .none: break
                case .all: axes.model.x.shareGroup = 0
                case .row: axes.model.x.shareGroup = r
                case .column: axes.model.x.shareGroup = c
                }
                switch y {
                case .none: break
                case .all: axes.model.y.shareGroup = 0
                case .row: axes.model.y.shareGroup = r
                case .column: axes.model.y.shareGroup = c
                }
                if x == .all || x == .column { axes.model.x.tickLabelsHidden = r < grid.count - 1 }
                if y == .all || y == .row { axes.model.y.tickLabelsHidden = c > 0 }
            }
        }
    }

    /// `subplot(2, 1, 1)` or `subplot(211)` → (rows, columns, 0-based index).
    static func spec(_ rt: Interpreter, _ args: [Value]) throws -> (Int, Int, Int) {
        var numbers = try args.map { try rt.toInt($0) }
        if numbers.isEmpty { numbers = [1, 1, 1] }
        if numbers.count == 1 {
            let n = numbers[0]
            guard n >= 111, n <= 999 else { throw PyError.valueError("Integer subplot specification must be a three-digit number, not \(n)") }
            numbers = [n / 100, (n / 10) % 10, n % 10]
        }
        guard numbers.count == 3 else { throw PyError.typeError("subplot() takes 1 or 3 positional arguments but \(numbers.count) were given") }
        let (rows, columns, index) = (numbers[0], numbers[1], numbers[2])
        guard rows > 0, columns > 0 else { throw PyError.valueError("Number of rows and columns must be positive, not \(rows) and \(columns)") }
        guard index >= 1, index <= rows * columns else {
            throw PyError.valueError("num must be an integer with 1 <= num <= \(rows * columns), not \(index)")
        }
        return (rows, columns, index - 1)
    }
}

/// `Text` objects returned by `xlabel`, `title`, ...: only their repr matters to scripts.
final class PyText: NativeObject {
    let x: Value, y: Value, text: String

    init(x: Double, y: Double, text: String) {
        self.x = x == 0 ? .int(0) : .float(x)
        self.y = y == 0 ? .int(0) : .float(y)
        self.text = text
        super.init(cls: PyText.pyClass)
    }

    /// A tick label at `position` along its axis: whole positions print as ints, as numpy's do there.
    static func tick(_ position: Double, _ text: String, isX: Bool) -> PyText {
        let p: Value = position == position.rounded() && abs(position) < 1e15 ? .int(Int(position)) : .float(position)
        return isX ? PyText(x: p, y: .int(0), text: text) : PyText(x: .int(0), y: p, text: text)
    }

    init(x: Value, y: Value, text: String) {
        self.x = x
        self.y = y
        self.text = text
        super.init(cls: PyText.pyClass)
    }

    override func repr(_ rt: Interpreter) throws -> String {
        "Text(\(try rt.repr(x)), \(try rt.repr(y)), \(try rt.repr(.str(text))))"
    }

    static let pyClass: PyClass = NativeClass<PyText>("Text", module: "matplotlib.text")
        .method("get_text", "") { _, this, _ in .str(this.text) }
        .pyClass
}

/// A handle on something drawn (Line2D, PathCollection, Legend): the default repr
/// `<matplotlib.lines.Line2D object at 0x...>`, and the few getters scripts call.
final class PyArtistHandle: NativeObject {
    let color: PlotColor?
    let label: String?

    init(_ cls: PyClass, color: PlotColor? = nil, label: String? = nil) {
        self.color = color
        self.label = label
        super.init(cls: cls)
    }

    override func strValue(_ rt: Interpreter) throws -> String? {
        cls === PyArtistHandle.legendClass ? "Legend" : nil
    }

    static func make(_ name: String, _ module: String) -> PyClass {
        NativeClass<PyArtistHandle>(name, module: module)
            .method("get_color", "") { _, this, _ in this.color.map { .str($0.hex) } ?? .none }
            .method("get_label", "") { _, this, _ in .str(this.label ?? "") }
            .pyClass
    }

    static let lineClass = make("Line2D", "matplotlib.lines")
    static let collectionClass = make("PathCollection", "matplotlib.collections")
    static let legendClass = make("Legend", "matplotlib.legend")
    static let xTickClass = make("XTick", "matplotlib.axis")
    static let yTickClass = make("YTick", "matplotlib.axis")
}
