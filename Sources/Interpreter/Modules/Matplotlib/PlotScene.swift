import Foundation

/// A figure laid out in pixels (y down): what both the SVG and the PNG renderer draw, so the
/// two agree. `PlotScene.make` places the axes, ticks, labels, title, legend and data as
/// matplotlib's defaults do (sizes in points converted at the figure's dpi).
public struct PlotScene: Sendable {
    public struct Point: Sendable, Equatable {
        public var x: Double, y: Double
        public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    }

    /// A pixel rectangle, y down.
    public struct Box: Sendable, Equatable {
        public var x: Double, y: Double, width: Double, height: Double
        public func contains(_ p: Point) -> Bool { p.x >= x && p.x <= x + width && p.y >= y && p.y <= y + height }
    }

    public struct Path: Sendable {
        public var points: [Point]
        public var closed: Bool
        public var fill: PlotColor?
        public var stroke: PlotColor?
        public var width: Double
        /// Dash and gap lengths in pixels.
        public var dash: [Double]?
        /// Data is clipped to its axes.
        public var clip: Box?
    }

    public struct Marker: Sendable {
        public var shape: PlotMarker.Shape
        public var center: Point
        /// Diameter in pixels.
        public var size: Double
        public var face: PlotColor?
        public var edge: PlotColor?
        public var edgeWidth: Double
        public var clip: Box?
    }

    public enum HAlign: Sendable { case left, center, right }
    public enum VAlign: Sendable { case top, center, baseline, bottom }

    public struct Text: Sendable {
        public var text: String
        public var superscript: String?
        public var at: Point
        /// Pixels per em.
        public var size: Double
        public var color: PlotColor
        public var hAlign: HAlign
        public var vAlign: VAlign
        /// Degrees counter-clockwise; a turned text is aligned by its turned box, as
        /// matplotlib's default `rotation_mode`.
        public var rotation: Double
    }

    public enum Item: Sendable {
        case path(Path)
        case marker(Marker)
        case text(Text)
    }

    public var width: Int
    public var height: Int
    public var items: [Item] = []

    /// Tick label and legend font size in points (matplotlib's default).
    static let fontSize = 10.0
}

extension PlotScene {
    public static func make(_ figure: PlotFigure) -> PlotScene {
        var scene = PlotScene(width: figure.pixelWidth, height: figure.pixelHeight)
        let pt = figure.dpi / 72
        scene.items.append(.path(Path(points: rectangle(Box(x: 0, y: 0, width: Double(scene.width), height: Double(scene.height))),
                                      closed: true, fill: .white, stroke: nil, width: 0, dash: nil, clip: nil)))
        for axes in figure.axes {
            AxesLayout(axes: axes, figure: figure, pt: pt).draw(into: &scene)
        }
        if !figure.suptitle.isEmpty {
            scene.items.append(.text(Text(text: figure.suptitle, superscript: nil,
                                          at: Point(Double(scene.width) / 2, Double(scene.height) * 0.02),
                                          size: figure.suptitleStyle.size * pt, color: figure.suptitleStyle.color,
                                          hAlign: .center, vAlign: .top, rotation: 0)))
        }
        return scene
    }

    static func rectangle(_ b: Box) -> [Point] {
        [Point(b.x, b.y), Point(b.x + b.width, b.y), Point(b.x + b.width, b.y + b.height), Point(b.x, b.y + b.height)]
    }

    /// Text extents used for layout: the advance width and the font's full line height.
    static func textWidth(_ text: String, _ superscript: String?, size: Double) -> Double {
        PlotFont.width(text, size: size) + (superscript.map { PlotFont.width($0, size: size * 0.7) } ?? 0)
    }
}

/// One axes in pixels: the data → pixel mapping and the drawing of frame, ticks, labels.
struct AxesLayout {
    let axes: PlotAxes
    let pt: Double
    let box: PlotScene.Box
    let limits: PlotLayout.Limits
    let xTicks: Ticks.Axis
    let yTicks: Ticks.Axis

    init(axes: PlotAxes, figure: PlotFigure, pt: Double) {
        self.axes = axes
        self.pt = pt
        let w = Double(figure.pixelWidth), h = Double(figure.pixelHeight)
        let p = axes.position
        box = PlotScene.Box(x: p.x0 * w, y: (1 - p.y1) * h, width: p.width * w, height: p.height * h)
        limits = PlotLayout.limits(axes, in: figure)
        xTicks = PlotLayout.ticks(axes.x, lo: limits.x.lo, hi: limits.x.hi, lengthPoints: box.width / pt, vertical: false)
        yTicks = PlotLayout.ticks(axes.y, lo: limits.y.lo, hi: limits.y.hi, lengthPoints: box.height / pt, vertical: true)
    }

    private func fraction(_ v: Double, _ lo: Double, _ hi: Double, _ scale: PlotScale) -> Double {
        if scale == .log {
            guard v > 0, lo > 0, hi > 0 else { return .nan }
            return (log10(v) - log10(lo)) / (log10(hi) - log10(lo))
        }
        return (v - lo) / (hi - lo)
    }

    func px(_ x: Double) -> Double { box.x + fraction(x, limits.x.lo, limits.x.hi, axes.x.scale) * box.width }
    func py(_ y: Double) -> Double { box.y + box.height - fraction(y, limits.y.lo, limits.y.hi, axes.y.scale) * box.height }
    func point(_ x: Double, _ y: Double) -> PlotScene.Point { PlotScene.Point(px(x), py(y)) }

    /// Tick labels as placed: under the x ticks (centred, top at the pad) and left of the y
    /// ticks (right-aligned, centred), in the axis' tick size, rotation and alignment.
    var xTickTexts: [PlotScene.Text] {
        if axes.x.tickLabelsHidden { return [] }
        return zip(xTicks.positions, xTicks.labels).map { x, label in
            PlotScene.Text(text: label.text, superscript: label.superscript, at: PlotScene.Point(px(x), box.y + box.height + 7 * pt),
                           size: axes.x.tickSize * pt, color: .black, hAlign: Self.align(axes.x.tickAlign) ?? .center, vAlign: .top,
                           rotation: axes.x.tickRotation)
        }
    }

    var yTickTexts: [PlotScene.Text] {
        if axes.y.tickLabelsHidden { return [] }
        return zip(yTicks.positions, yTicks.labels).map { y, label in
            PlotScene.Text(text: label.text, superscript: label.superscript, at: PlotScene.Point(box.x - 7 * pt, py(y)),
                           size: axes.y.tickSize * pt, color: .black, hAlign: Self.align(axes.y.tickAlign) ?? .right, vAlign: .center,
                           rotation: axes.y.tickRotation)
        }
    }

    static func align(_ name: String?) -> PlotScene.HAlign? {
        switch name {
        case "left": return .left
        case "center": return .center
        case "right": return .right
        default: return nil
        }
    }

    func draw(into scene: inout PlotScene) {
        scene.items.append(.path(PlotScene.Path(points: PlotScene.rectangle(box), closed: true, fill: .white, stroke: nil,
                                                width: 0, dash: nil, clip: nil)))
        // matplotlib's z-order: patches and collections (1), grid (1.5), lines (2), frame and ticks.
        for artist in axes.artists { if case .bars(let b) = artist { drawBars(b, into: &scene) } }
        for artist in axes.artists { if case .scatter(let s) = artist { drawScatter(s, into: &scene) } }
        drawGrid(into: &scene)
        for artist in axes.artists { if case .line(let l) = artist { drawLine(l, into: &scene) } }
        drawFrame(into: &scene)
        if let legend = axes.legend { drawLegend(legend, into: &scene) }
    }

    private func drawGrid(into scene: inout PlotScene) {
        func line(_ a: PlotScene.Point, _ b: PlotScene.Point, _ g: PlotGrid) -> PlotScene.Item {
            .path(PlotScene.Path(points: [a, b], closed: false, fill: nil, stroke: g.color, width: g.width * pt,
                                 dash: g.style.dashPattern.map { $0.map { $0 * g.width * pt } }, clip: box))
        }
        if let g = axes.x.grid, g.style != .none {
            for x in xTicks.positions {
                let p = px(x)
                scene.items.append(line(PlotScene.Point(p, box.y), PlotScene.Point(p, box.y + box.height), g))
            }
        }
        if let g = axes.y.grid, g.style != .none {
            for y in yTicks.positions {
                let p = py(y)
                scene.items.append(line(PlotScene.Point(box.x, p), PlotScene.Point(box.x + box.width, p), g))
            }
        }
    }

    private func drawFrame(into scene: inout PlotScene) {
        scene.items.append(.path(PlotScene.Path(points: PlotScene.rectangle(box), closed: true, fill: nil, stroke: .black,
                                                width: 0.8 * pt, dash: nil, clip: nil)))
        let tick = 3.5 * pt, pad = 3.5 * pt, size = PlotScene.fontSize * pt
        let bottom = box.y + box.height
        for p in xTicks.positions.map(px) {
            scene.items.append(.path(PlotScene.Path(points: [PlotScene.Point(p, bottom), PlotScene.Point(p, bottom + tick)],
                                                    closed: false, fill: nil, stroke: .black, width: 0.8 * pt, dash: nil, clip: nil)))
        }
        for p in yTicks.positions.map(py) {
            scene.items.append(.path(PlotScene.Path(points: [PlotScene.Point(box.x - tick, p), PlotScene.Point(box.x, p)],
                                                    closed: false, fill: nil, stroke: .black, width: 0.8 * pt, dash: nil, clip: nil)))
        }
        var tallest = 0.0, widest = 0.0
        for text in xTickTexts {
            scene.items.append(.text(text))
            tallest = max(tallest, text.placement.bounds.height)
        }
        for text in yTickTexts {
            scene.items.append(.text(text))
            widest = max(widest, text.placement.bounds.width)
        }
        let labelPad = 4 * pt
        let xLabelsBottom = bottom + tick + pad + tallest
        if !xTicks.multiplier.isEmpty {
            scene.items.append(.text(PlotScene.Text(text: xTicks.multiplier, superscript: nil,
                                                    at: PlotScene.Point(box.x + box.width, xLabelsBottom), size: size,
                                                    color: .black, hAlign: .right, vAlign: .top, rotation: 0)))
        }
        if !yTicks.multiplier.isEmpty {
            scene.items.append(.text(PlotScene.Text(text: yTicks.multiplier, superscript: nil,
                                                    at: PlotScene.Point(box.x, box.y - 2 * pt), size: size,
                                                    color: .black, hAlign: .left, vAlign: .bottom, rotation: 0)))
        }
        if !axes.x.label.isEmpty {
            let style = axes.x.labelStyle
            scene.items.append(.text(PlotScene.Text(text: axes.x.label, superscript: nil,
                                                    at: PlotScene.Point(box.x + box.width / 2, xLabelsBottom + labelPad),
                                                    size: style.size * pt, color: style.color, hAlign: .center, vAlign: .top,
                                                    rotation: 0)))
        }
        if !axes.y.label.isEmpty {
            let style = axes.y.labelStyle
            let right = box.x - tick - pad - widest - labelPad
            scene.items.append(.text(PlotScene.Text(text: axes.y.label, superscript: nil,
                                                    at: PlotScene.Point(right, box.y + box.height / 2),
                                                    size: style.size * pt, color: style.color, hAlign: .right, vAlign: .center,
                                                    rotation: 90)))
        }
        if !axes.title.isEmpty {
            scene.items.append(.text(PlotScene.Text(text: axes.title, superscript: nil,
                                                    at: PlotScene.Point(box.x + box.width / 2, box.y - 6 * pt),
                                                    size: axes.titleStyle.size * pt, color: axes.titleStyle.color, hAlign: .center,
                                                    vAlign: .baseline, rotation: 0)))
        }
    }
}
