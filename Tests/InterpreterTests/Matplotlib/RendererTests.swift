import Foundation
import Testing
@testable import Interpreter

/// The SVG and PNG renderers on a small figure: the SVG has the expected elements, the PNG
/// decodes (signature, CRCs, dimensions, zlib stream, filters) and shows what was drawn.
@Suite struct RendererTests {
    static func figure() -> PlotFigure {
        var figure = PlotFigure(number: 1)
        var axes = PlotAxes(position: SubplotGrid.position(rows: 1, columns: 1, index: 0))
        axes.title = "Loss & accuracy"
        axes.x.label = "step"
        axes.y.label = "loss"
        axes.y.grid = PlotGrid()
        axes.legend = PlotLegend(location: .upperRight)
        axes.artists = [
            .line(PlotLine(xs: [0, 1, 2, 3], ys: [3, 2, 1.5, 1], color: PlotFigure.colorCycle[0], width: 1.5, style: .solid,
                           marker: PlotMarker(shape: .circle, size: 6, face: PlotFigure.colorCycle[0], edge: PlotFigure.colorCycle[0], edgeWidth: 1),
                           label: "train")),
            .bars(PlotBars(rects: [PlotRect(x0: 1.6, y0: 0, x1: 2.4, y1: 0.5)], color: PlotFigure.colorCycle[1], edgeColor: nil,
                           edgeWidth: 0, label: "hist")),
        ]
        figure.axes = [axes]
        return figure
    }

    @Test func svgHasAxesTicksLabelsLegendAndData() {
        let svg = SVGRenderer.render(Self.figure())
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"480\""))
        #expect(svg.hasSuffix("</svg>\n"))
        for text in [">Loss &amp; accuracy</text>", ">step</text>", ">loss</text>", ">train</text>", ">hist</text>", ">0.0</text>", ">3.0</text>"] {
            #expect(svg.contains(text), "missing \(text)")
        }
        #expect(svg.contains("transform=\"rotate(-90"))       // the y label
        #expect(svg.contains("<circle"))                      // markers
        #expect(svg.contains("stroke=\"#1f77b4\""))           // tab:blue line
        #expect(svg.contains("fill=\"#ff7f0e\""))             // tab:orange bar
        #expect(svg.contains("stroke=\"#b0b0b0\""))           // grid
        #expect(svg.contains("<clipPath id=\"clip0\">"))
    }

    @Test func pngDecodesAndShowsTheData() throws {
        let figure = Self.figure()
        let png = try DecodedPNG(PNGRenderer.render(figure))
        #expect(png.chunkTypes == ["IHDR", "IDAT", "IEND"])
        #expect(png.width == 640 && png.height == 480)
        #expect(png[2, 2] == (255, 255, 255))  // background
        // The bar's centre is tab:orange (255, 127, 14).
        let layout = AxesLayout(axes: figure.axes[0], figure: figure, pt: figure.dpi / 72)
        let (bx, by) = (Int(layout.px(2)), Int(layout.py(0.25)))
        let bar = png[bx, by]
        #expect(abs(bar.0 - 255) <= 2 && abs(bar.1 - 127) <= 2 && abs(bar.2 - 14) <= 2, "bar pixel \(bar)")
        // A marker centre is tab:blue (31, 119, 180).
        let m = png[Int(layout.px(1)), Int(layout.py(2))]
        #expect(abs(m.0 - 31) <= 3 && abs(m.1 - 119) <= 3 && abs(m.2 - 180) <= 3, "marker pixel \(m)")
        // The frame's left edge is dark.
        let frame = png[Int(layout.box.x.rounded()), Int(layout.box.y + layout.box.height / 3)]
        #expect(frame.0 < 100, "frame pixel \(frame)")
        // Text was drawn: some dark pixels in the title's row.
        let titleRow = Int(layout.box.y - 10)
        let dark = (0..<png.width).filter { png[$0, titleRow].0 < 128 }.count
        #expect(dark > 5)
    }

    @Test func deflateRoundTripsAndCompresses() throws {
        var data: [UInt8] = Array(repeating: 255, count: 5000)
        for i in stride(from: 0, to: 5000, by: 7) { data[i] = UInt8(i % 251) }  // matches of 6 bytes, then a literal
        for i in 3000..<3100 { data[i] = UInt8(i % 256) }                       // literals of every size class
        let packed = Deflate.compress(data)
        #expect(try DecodedPNG.inflate(packed) == data)
        let runs = [UInt8](repeating: 7, count: 5000)
        #expect(Deflate.compress(runs).count < 100)
        #expect(PNGEncoder.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGEncoder.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test func markersAndDashesHaveTheirGeometry() {
        let square = PlotScene.Marker(shape: .square, center: PlotScene.Point(10, 10), size: 4, face: nil, edge: nil, edgeWidth: 0, clip: nil)
        #expect(square.outline[0].map(\.x).min() == 8 && square.outline[0].map(\.x).max() == 12)
        let dashes = Rasterizer.dashes([PlotScene.Point(0, 0), PlotScene.Point(10, 0)], pattern: [3, 2])
        #expect(dashes.count == 2)
        #expect(dashes.first?.last == PlotScene.Point(3, 0))
    }
}
