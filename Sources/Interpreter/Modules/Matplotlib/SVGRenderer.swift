import Foundation

/// Writes a figure as SVG 1.1: the scene's paths, markers and text, data clipped to its
/// axes, text as `<text>` in DejaVu Sans (the font the layout was measured with).
public enum SVGRenderer {
    public static func render(_ figure: PlotFigure) -> String {
        render(PlotScene.make(figure))
    }

    public static func render(_ scene: PlotScene) -> String {
        var out = """
        <?xml version="1.0" encoding="utf-8" standalone="no"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(scene.width)" height="\(scene.height)" \
        viewBox="0 0 \(scene.width) \(scene.height)" version="1.1">

        """
        var clips: [PlotScene.Box] = []
        func clipID(_ box: PlotScene.Box?) -> String? {
            guard let box else { return nil }
            if let i = clips.firstIndex(of: box) { return "clip\(i)" }
            clips.append(box)
            return "clip\(clips.count - 1)"
        }
        var body = ""
        for item in scene.items {
            switch item {
            case .path(let p):
                body += path(p, clip: clipID(p.clip))
            case .marker(let m):
                body += marker(m, clip: clipID(m.clip))
            case .text(let t):
                body += text(t)
            }
        }
        if !clips.isEmpty {
            out += "<defs>\n"
            for (i, b) in clips.enumerated() {
                out += "<clipPath id=\"clip\(i)\"><rect x=\"\(n(b.x))\" y=\"\(n(b.y))\" width=\"\(n(b.width))\" height=\"\(n(b.height))\"/></clipPath>\n"
            }
            out += "</defs>\n"
        }
        return out + body + "</svg>\n"
    }

    /// Coordinates with at most two decimals, no trailing zeros.
    static func n(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        var s = String(format: "%.2f", r)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    private static func paint(_ attribute: String, _ c: PlotColor?) -> String {
        guard let c else { return " \(attribute)=\"none\"" }
        var s = " \(attribute)=\"\(c.hex)\""
        if c.a < 1 { s += " \(attribute)-opacity=\"\(n(c.a))\"" }
        return s
    }

    private static func clipAttribute(_ id: String?) -> String {
        id.map { " clip-path=\"url(#\($0))\"" } ?? ""
    }

    private static func path(_ p: PlotScene.Path, clip: String?) -> String {
        guard let first = p.points.first else { return "" }
        var d = "M \(n(first.x)) \(n(first.y))"
        for q in p.points.dropFirst() { d += " L \(n(q.x)) \(n(q.y))" }
        if p.closed { d += " Z" }
        var s = "<path d=\"\(d)\"" + paint("fill", p.fill) + paint("stroke", p.width > 0 ? p.stroke : nil)
        // Neighbouring bars share an edge: without this, anti-aliasing shows a seam between them.
        if p.closed && p.fill != nil && p.stroke == nil && isRectilinear(p.points) { s += " shape-rendering=\"crispEdges\"" }
        if p.stroke != nil && p.width > 0 {
            s += " stroke-width=\"\(n(p.width))\" stroke-linejoin=\"round\" stroke-linecap=\"\(p.dash == nil ? "square" : "butt")\""
            if let dash = p.dash { s += " stroke-dasharray=\"\(dash.map(n).joined(separator: ","))\"" }
        }
        return s + clipAttribute(clip) + "/>\n"
    }

    static func isRectilinear(_ points: [PlotScene.Point]) -> Bool {
        zip(points, points.dropFirst() + points.prefix(1)).allSatisfy { $0.x == $1.x || $0.y == $1.y }
    }

    private static func marker(_ m: PlotScene.Marker, clip: String?) -> String {
        let style = paint("fill", m.face) + paint("stroke", m.edge) + " stroke-width=\"\(n(m.edgeWidth))\"" + clipAttribute(clip)
        switch m.shape {
        case .circle, .point:
            let r = m.shape == .circle ? m.size / 2 : m.size / 4
            return "<circle cx=\"\(n(m.center.x))\" cy=\"\(n(m.center.y))\" r=\"\(n(r))\"\(style)/>\n"
        default:
            var d = ""
            for poly in m.outline {
                guard let first = poly.first else { continue }
                d += (d.isEmpty ? "" : " ") + "M \(n(first.x)) \(n(first.y))"
                for q in poly.dropFirst() { d += " L \(n(q.x)) \(n(q.y))" }
                if !m.shape.isStroke { d += " Z" }
            }
            return "<path d=\"\(d)\"\(style)/>\n"
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    private static func text(_ t: PlotScene.Text) -> String {
        var content = escape(t.text)
        if let sup = t.superscript {
            content += "<tspan dy=\"\(n(-t.size * 0.4))\" font-size=\"\(n(t.size * 0.7))\">\(escape(sup))</tspan>"
        }
        // Level text keeps the viewer's own width for alignment (text-anchor); turned text is
        // placed from its baseline start, computed with the layout font.
        var attributes: String
        if t.rotation == 0 {
            let anchor = t.hAlign == .left ? "start" : t.hAlign == .center ? "middle" : "end"
            attributes = "x=\"\(n(t.at.x))\" y=\"\(n(t.placement.origin.y))\" text-anchor=\"\(anchor)\""
        } else {
            let o = t.placement.origin
            attributes = "x=\"\(n(o.x))\" y=\"\(n(o.y))\" transform=\"rotate(\(n(-t.rotation)) \(n(o.x)) \(n(o.y)))\""
        }
        return "<text \(attributes) font-family=\"DejaVu Sans, Bitstream Vera Sans, Arial, sans-serif\" font-size=\"\(n(t.size))\" "
            + "fill=\"\(t.color.hex)\">\(content)</text>\n"
    }
}
