import Foundation

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
            try Pyplot.checkDrawable(PlotFigure(number: 0, width: size[0], height: size[1], dpi: dpi))
            figsize = (size[0], size[1])
        case "figure.dpi":
            let d = try rt.toDouble(value)
            try Pyplot.checkDrawable(PlotFigure(number: 0, width: figsize.0, height: figsize.1, dpi: d))
            dpi = d
        default:
            throw PyError(T.notImplementedError, "sftnb's matplotlib does not support rcParams[\(try rt.repr(key))]; it honours 'figure.figsize' and 'figure.dpi'")
        }
    }

    static let pyClass: PyClass = NativeClass<PyRcParams>("RcParams", module: "matplotlib").pyClass
}
