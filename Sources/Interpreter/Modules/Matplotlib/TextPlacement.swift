import Foundation

/// Where a text is drawn: the start of its baseline and its box on the canvas, measured with
/// the layout font. Level text aligns its own box (or baseline) with `at`; turned text aligns
/// the box around the turned text, as matplotlib's default `rotation_mode` does.
extension PlotScene.Text {
    public struct Placement: Sendable {
        /// Start of the baseline, the point the text turns about.
        public var origin: PlotScene.Point
        public var bounds: PlotScene.Box
    }

    public var placement: Placement {
        let width = PlotScene.textWidth(text, superscript, size: size)
        let ascent = PlotFont.ascent(size: size), descent = PlotFont.descent(size: size)
        if rotation == 0 {
            let left: Double = hAlign == .left ? at.x : hAlign == .center ? at.x - width / 2 : at.x - width
            let baseline: Double
            switch vAlign {
            case .top: baseline = at.y + ascent
            case .center: baseline = at.y + (ascent - descent) / 2
            case .baseline: baseline = at.y
            case .bottom: baseline = at.y - descent
            }
            return Placement(origin: PlotScene.Point(left, baseline),
                             bounds: PlotScene.Box(x: left, y: baseline - ascent, width: width, height: ascent + descent))
        }
        let corners = [(0.0, -ascent), (width, -ascent), (0.0, descent), (width, descent)].map { offset($0.0, $0.1) }
        let minX = corners.map(\.x).min() ?? 0, maxX = corners.map(\.x).max() ?? 0
        let minY = corners.map(\.y).min() ?? 0, maxY = corners.map(\.y).max() ?? 0
        let (w, h) = (maxX - minX, maxY - minY)
        let left: Double = hAlign == .left ? at.x : hAlign == .center ? at.x - w / 2 : at.x - w
        let top: Double
        switch vAlign {
        case .top: top = at.y
        case .center: top = at.y - h / 2
        case .baseline, .bottom: top = at.y - h
        }
        return Placement(origin: PlotScene.Point(left - minX, top - minY), bounds: PlotScene.Box(x: left, y: top, width: w, height: h))
    }

    /// The canvas offset of a point `u` along the text and `v` below its baseline.
    public func offset(_ u: Double, _ v: Double) -> PlotScene.Point {
        let t = rotation * Double.pi / 180
        return PlotScene.Point(u * cos(t) + v * sin(t), -u * sin(t) + v * cos(t))
    }
}
