import Foundation

/// # Plots for scripts (`import matplotlib.pyplot as plt`)
///
/// A figure is pure data (`PlotFigure`: axes, lines, markers, bars, labels) built by the
/// pyplot API (`PyplotModule`), then turned into bytes by renderers that know nothing of
/// the terminal: `PlotScene.make(figure)` lays it out in pixels (view limits, 'nice' ticks
/// as matplotlib's `MaxNLocator`, labels, legend), and `SVGRenderer.render(figure)` /
/// `PNGRenderer.render(figure)` draw that scene (`PlotScene.tight(dpi:)` first crops it as
/// `bbox_inches='tight'`). Hosts receive figures through the session's display hook
/// (`RichDisplay`, see `Session.init(argv:output:input:display:)`): `plt.show()` — and, in
/// notebooks, `Session.flushPendingDisplays()` at a cell's end — sends each open figure as
/// PNG + SVG + `text/plain`; the REPL's terminal renderer reads `RichDisplay.figure`,
/// `PlotLayout.limits` and `Ticks` directly.
///
/// ```swift
/// var figure = PlotFigure(number: 1)
/// var axes = PlotAxes(position: PlotRect(x0: 0.125, y0: 0.11, x1: 0.9, y1: 0.88))
/// axes.artists = [.line(PlotLine(xs: [0, 1], ys: [2, 3], color: PlotFigure.colorCycle[0], width: 1.5,
///                                style: .solid, marker: nil, label: "loss"))]
/// figure.axes = [axes]
/// let svg = SVGRenderer.render(figure), png = PNGRenderer.render(figure)
/// ```
///
/// Units follow matplotlib: sizes in inches, line widths and font sizes in points (1/72 in),
/// axes positions as fractions of the figure, with y pointing up.

/// An sRGB colour with alpha, components in 0...1.
public struct PlotColor: Sendable, Equatable {
    public var r: Double, g: Double, b: Double, a: Double

    public init(r: Double, g: Double, b: Double, a: Double = 1) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }

    /// `#rrggbb` (alpha left out).
    public var hex: String {
        func byte(_ v: Double) -> String {
            let n = Int((min(max(v, 0), 1) * 255).rounded())
            return (n < 16 ? "0" : "") + String(n, radix: 16)
        }
        return "#" + byte(r) + byte(g) + byte(b)
    }

    public static let black = PlotColor(r: 0, g: 0, b: 0)
    public static let white = PlotColor(r: 1, g: 1, b: 1)
}

public enum PlotScale: String, Sendable {
    case linear, log
}

/// matplotlib's line styles; dash patterns are in multiples of the line width, as matplotlib
/// scales them (`lines.dashed_pattern` and friends).
public enum PlotLineStyle: String, Sendable {
    case solid = "-", dashed = "--", dashDot = "-.", dotted = ":", none = "None"

    public var dashPattern: [Double]? {
        switch self {
        case .solid, .none: return nil
        case .dashed: return [3.7, 1.6]
        case .dashDot: return [6.4, 1.6, 1, 1.6]
        case .dotted: return [1, 1.65]
        }
    }
}

/// A marker drawn at each data point.
public struct PlotMarker: Sendable, Equatable {
    /// matplotlib's marker codes (the ones sftnb draws).
    public enum Shape: String, Sendable, CaseIterable {
        case circle = "o", point = ".", pixel = ",", square = "s", triangleUp = "^", triangleDown = "v",
             triangleLeft = "<", triangleRight = ">", diamond = "D", thinDiamond = "d", plus = "+", cross = "x",
             star = "*"

        /// `+` and `x` are strokes only (their colour is the edge colour).
        public var isStroke: Bool { self == .plus || self == .cross }
    }
    public var shape: Shape
    /// Diameter in points.
    public var size: Double
    public var face: PlotColor
    public var edge: PlotColor
    public var edgeWidth: Double

    public init(shape: Shape, size: Double, face: PlotColor, edge: PlotColor, edgeWidth: Double) {
        self.shape = shape; self.size = size; self.face = face; self.edge = edge; self.edgeWidth = edgeWidth
    }
}

/// `plot`: a polyline with optional markers.
public struct PlotLine: Sendable {
    public var xs: [Double]
    public var ys: [Double]
    public var color: PlotColor
    /// Points.
    public var width: Double
    public var style: PlotLineStyle
    public var marker: PlotMarker?
    public var label: String?
    /// `axhline`/`axvline`: a line across the whole axes at `ys[0]` (horizontal) or `xs[0]`
    /// (vertical), whatever the limits.
    public var span: Span?

    public enum Span: Sendable { case horizontal, vertical }

    public init(xs: [Double], ys: [Double], color: PlotColor, width: Double, style: PlotLineStyle, marker: PlotMarker?,
                label: String?, span: Span? = nil) {
        self.xs = xs; self.ys = ys; self.color = color; self.width = width; self.style = style; self.marker = marker
        self.label = label; self.span = span
    }
}

/// `scatter`: markers with per-point size (points squared, matplotlib's `s`) and colour.
public struct PlotScatter: Sendable {
    public var xs: [Double]
    public var ys: [Double]
    public var sizes: [Double]
    public var colors: [PlotColor]
    public var shape: PlotMarker.Shape
    public var label: String?

    public init(xs: [Double], ys: [Double], sizes: [Double], colors: [PlotColor], shape: PlotMarker.Shape, label: String?) {
        self.xs = xs; self.ys = ys; self.sizes = sizes; self.colors = colors; self.shape = shape; self.label = label
    }
}

/// An axis-aligned rectangle (data units for bars, figure fractions for axes positions).
public struct PlotRect: Sendable, Equatable {
    public var x0: Double, y0: Double, x1: Double, y1: Double
    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
    }
    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
}

/// `bar` and `hist`: filled rectangles standing on a baseline (sticky for autoscaling).
public struct PlotBars: Sendable {
    public var rects: [PlotRect]
    public var color: PlotColor
    public var edgeColor: PlotColor?
    public var edgeWidth: Double
    public var label: String?

    public init(rects: [PlotRect], color: PlotColor, edgeColor: PlotColor?, edgeWidth: Double, label: String?) {
        self.rects = rects; self.color = color; self.edgeColor = edgeColor; self.edgeWidth = edgeWidth; self.label = label
    }
}

public enum PlotArtist: Sendable {
    case line(PlotLine)
    case scatter(PlotScatter)
    case bars(PlotBars)

    public var label: String? {
        switch self {
        case .line(let l): return l.label
        case .scatter(let s): return s.label
        case .bars(let b): return b.label
        }
    }
}

/// Where `legend(loc=...)` puts the box; `best` picks the corner covering the fewest points.
public enum PlotLegendLocation: String, Sendable, CaseIterable {
    case best, upperRight = "upper right", upperLeft = "upper left", lowerLeft = "lower left",
         lowerRight = "lower right", right, centerLeft = "center left", centerRight = "center right",
         lowerCenter = "lower center", upperCenter = "upper center", center
}

/// Font size (points) and colour of a label or title.
public struct PlotTextStyle: Sendable, Equatable {
    public var size: Double
    public var color: PlotColor
    public init(size: Double, color: PlotColor = .black) {
        self.size = size
        self.color = color
    }
}

/// `legend(loc=..., fontsize=..., frameon=...)`.
public struct PlotLegend: Sendable {
    public var location: PlotLegendLocation
    /// Points.
    public var fontSize = 10.0
    public var frameOn = true
    public init(location: PlotLegendLocation = .best) {
        self.location = location
    }
}

public struct PlotAxis: Sendable {
    public var label = ""
    public var labelStyle = PlotTextStyle(size: 10)
    public var scale = PlotScale.linear
    /// Set by `xlim`/`set_xlim`; nil parts autoscale.
    public var lower: Double?
    public var upper: Double?
    /// Categorical positions (bar charts of strings): tick at i labelled categories[i].
    public var categories: [String] = []
    /// `xticks(ticks, labels)` / `set_xticks`: fixed tick positions and their labels.
    public var fixedTicks: [Double]?
    public var fixedTickLabels: [String]?
    /// Tick label rotation (degrees counter-clockwise), alignment override and size (points).
    public var tickRotation = 0.0
    public var tickAlign: String?
    public var tickSize = 10.0
    /// `subplots(sharex=...)`: axes of a figure with the same group autoscale together.
    public var shareGroup: Int?
    /// Inner subplots of a shared grid show no tick labels (matplotlib's `label_outer`).
    public var tickLabelsHidden = false
    /// Grid lines at the major ticks (`grid(True)`), nil when off.
    public var grid: PlotGrid?
    public init() {}
}

/// Grid line style: matplotlib's default is solid #b0b0b0, 0.8 pt.
public struct PlotGrid: Sendable {
    public var color = PlotColor(r: 0xb0 / 255.0, g: 0xb0 / 255.0, b: 0xb0 / 255.0)
    public var width = 0.8
    public var style = PlotLineStyle.solid
    public init() {}
}

public struct PlotAxes: Sendable {
    /// Position in figure fractions (y up).
    public var position: PlotRect
    public var title = ""
    public var titleStyle = PlotTextStyle(size: 12)
    public var x = PlotAxis()
    public var y = PlotAxis()
    public var artists: [PlotArtist] = []
    public var legend: PlotLegend?

    public init(position: PlotRect) {
        self.position = position
    }
}

public struct PlotFigure: Sendable {
    /// pyplot's figure number (1, 2, ...).
    public var number: Int
    /// Inches.
    public var width: Double
    public var height: Double
    public var dpi: Double
    public var axes: [PlotAxes] = []
    public var suptitle = ""
    public var suptitleStyle = PlotTextStyle(size: 12)

    public init(number: Int, width: Double = 6.4, height: Double = 4.8, dpi: Double = 100) {
        self.number = number
        self.width = width
        self.height = height
        self.dpi = dpi
    }

    /// Raster images sftnb will draw: under 2^16 pixels a side, as matplotlib's Agg, and at
    /// most 40 million pixels, so the canvas stays within a few hundred megabytes.
    public var isDrawable: Bool {
        let w = width * dpi, h = height * dpi
        return w >= 1 && h >= 1 && w < 65536 && h < 65536 && w * h <= 40e6
    }

    public var pixelWidth: Int { Int((width * dpi).rounded()) }
    public var pixelHeight: Int { Int((height * dpi).rounded()) }

    /// matplotlib's `repr(fig)` and the text/plain of a figure's display: `<Figure size 640x480 with 1 Axes>`.
    public var plainText: String {
        "<Figure size \(pixelWidth)x\(pixelHeight) with \(axes.count) Axes>"
    }

    /// matplotlib's default colour cycle (`tab10`).
    public static let colorCycle: [PlotColor] = colorCycleHex.map { (hex: Int) -> PlotColor in
        PlotColor(r: Double(hex >> 16) / 255, g: Double((hex >> 8) & 0xff) / 255, b: Double(hex & 0xff) / 255)
    }

    static let colorCycleHex: [Int] = [0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f,
                                       0xbcbd22, 0x17becf]
}
