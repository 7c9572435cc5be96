import Foundation

/// The text face of plots: DejaVu Sans (matplotlib's default) pre-rasterised at 14 px per em
/// into 8-bit coverage masks (`PlotFontData.swift`, made by tools/gen_plot_font.py). The PNG
/// renderer draws these masks, scaled to the wanted size; both renderers measure text with
/// its advance widths, so labels and legends are laid out the same in SVG and PNG.
enum PlotFont {
    struct Glyph {
        /// Pixels at `dataEm`.
        var advance: Double
        var left: Int
        /// Pixels above the baseline of the mask's first row.
        var top: Int
        var width: Int
        var height: Int
        var coverage: [UInt8]
    }

    struct Face {
        var ascent: Int
        var descent: Int
        var glyphs: [Glyph]
    }

    static let face: Face = {
        guard let data = Data(base64Encoded: dataBase64.filter { !$0.isWhitespace }), data.count > 2 else {
            return Face(ascent: 13, descent: 4, glyphs: [])
        }
        let bytes = [UInt8](data)
        var glyphs: [Glyph] = []
        var i = 2
        while i + 6 <= bytes.count {
            let advance = Double(Int(bytes[i]) | Int(bytes[i + 1]) << 8) / 64
            let left = Int(Int8(bitPattern: bytes[i + 2])), top = Int(Int8(bitPattern: bytes[i + 3]))
            let w = Int(bytes[i + 4]), h = Int(bytes[i + 5])
            i += 6
            let end = min(i + w * h, bytes.count)
            glyphs.append(Glyph(advance: advance, left: left, top: top, width: w, height: h, coverage: Array(bytes[i..<end])))
            i = end
        }
        return Face(ascent: Int(bytes[0]), descent: Int(bytes[1]), glyphs: glyphs)
    }()

    /// The glyph drawn for `c`: printable ASCII, the minus sign and ×; anything else as `?`.
    static func glyph(_ c: Character) -> Glyph? {
        let index: Int
        switch c {
        case "\u{2212}": index = 95
        case "\u{00D7}": index = 96
        default:
            let code = Int(c.asciiValue ?? 63)
            index = (code < 32 || code > 126 ? 63 : code) - 32
        }
        return face.glyphs.indices.contains(index) ? face.glyphs[index] : nil
    }

    /// Advance width of `text` in pixels at `size` pixels per em.
    static func width(_ text: String, size: Double) -> Double {
        let scale = size / Double(dataEm)
        return text.reduce(0) { $0 + (glyph($1)?.advance ?? 0) * scale }
    }

    /// Height from the top of the tallest letter to the bottom of descenders, at `size` px per em.
    static func height(size: Double) -> Double {
        Double(face.ascent + face.descent) * size / Double(dataEm)
    }

    static func ascent(size: Double) -> Double { Double(face.ascent) * size / Double(dataEm) }
    static func descent(size: Double) -> Double { Double(face.descent) * size / Double(dataEm) }
}
