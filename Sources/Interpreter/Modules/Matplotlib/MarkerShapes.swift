import Foundation

/// Marker outlines in pixels, matplotlib's unit marker paths scaled by the marker size:
/// the circle's diameter, the square's side and the triangles' width and height all equal
/// the size; `.` is a circle of half the size; `+` and `x` are two strokes.
extension PlotScene.Marker {
    /// Closed polygons for filled shapes; for `+`/`x`, the strokes as two-point segments.
    public var outline: [[PlotScene.Point]] {
        let r = size / 2, c = center
        func p(_ x: Double, _ y: Double) -> PlotScene.Point { PlotScene.Point(c.x + x * r, c.y - y * r) }
        func circle(_ radius: Double) -> [PlotScene.Point] {
            let n = max(12, Int(radius * 4))
            return (0..<n).map { i in
                let t = Double(i) / Double(n) * 2 * Double.pi
                return PlotScene.Point(c.x + radius * cos(t), c.y + radius * sin(t))
            }
        }
        switch shape {
        case .circle: return [circle(r)]
        case .point: return [circle(r / 2)]
        case .pixel: return [PlotScene.rectangle(PlotScene.Box(x: c.x - 0.5, y: c.y - 0.5, width: 1, height: 1))]
        case .square: return [[p(-1, -1), p(1, -1), p(1, 1), p(-1, 1)]]
        case .triangleUp: return [[p(0, 1), p(-1, -1), p(1, -1)]]
        case .triangleDown: return [[p(0, -1), p(1, 1), p(-1, 1)]]
        case .triangleLeft: return [[p(-1, 0), p(1, -1), p(1, 1)]]
        case .triangleRight: return [[p(1, 0), p(-1, 1), p(-1, -1)]]
        case .diamond: return [[p(0, 1.414), p(1.414, 0), p(0, -1.414), p(-1.414, 0)]]
        case .thinDiamond: return [[p(0, 1.414), p(0.85, 0), p(0, -1.414), p(-0.85, 0)]]
        case .plus: return [[p(-1, 0), p(1, 0)], [p(0, -1), p(0, 1)]]
        case .cross: return [[p(-1, -1), p(1, 1)], [p(-1, 1), p(1, -1)]]
        case .star:
            return [(0..<10).map { i in
                let t = Double.pi / 2 + Double(i) * Double.pi / 5
                let k = i % 2 == 0 ? 1.0 : 0.381966
                return p(k * cos(t), k * sin(t))
            }]
        }
    }
}
