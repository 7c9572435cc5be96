import Foundation

/// Reading pyplot's arguments: numbers from lists, tuples, ranges, tensors and dataset
/// columns; colours in matplotlib's notations; `plot`'s format strings; and the keyword
/// arguments each call accepts — any other keyword raises NotImplementedError naming it.
enum PlotArguments {
    /// The keyword arguments of `kwargs` (a `**kw` dict), after checking each is in `allowed`.
    static func keywords(_ rt: Interpreter, _ kwargs: Value, allowed: Set<String>, function: String) throws -> [String: Value] {
        guard case .object(let o) = kwargs, let d = o as? PyDict else { return [:] }
        var result: [String: Value] = [:]
        for (k, v) in d.table.entries {
            let name = try rt.toStr(k)
            guard allowed.contains(name) else {
                throw PyError(T.notImplementedError,
                              "sftnb's matplotlib does not support \(function)(\(name)=...); supported keywords: "
                                  + allowed.sorted().joined(separator: ", "))
            }
            result[name] = v
        }
        return result
    }

    /// Parameters sftnb takes in a signature but does not draw: each must be left at its
    /// default (`None` unless given), else NotImplementedError names it.
    static func requireDefaults(_ rt: Interpreter, _ function: String, _ checks: [(String, Value, Value)]) throws {
        for (name, value, neutral) in checks where !(try rt.equals(value, neutral)) {
            throw PyError(T.notImplementedError, "sftnb's matplotlib does not support \(function)(\(name)=...)")
        }
    }

    /// `fontsize=` (points or a name such as 'large') and `color=` over `base`.
    static func textStyle(_ rt: Interpreter, _ kw: [String: Value], base: PlotTextStyle) throws -> PlotTextStyle {
        var style = base
        if let size = kw["fontsize"] ?? kw["size"], !size.isNone {
            if case .object(let o) = size, let name = o as? PyStr {
                let scales = ["xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1.0, "large": 1.2,
                              "x-large": 1.44, "xx-large": 1.728, "larger": 1.2, "smaller": 0.833]
                guard let scale = scales[name.value] else {
                    throw PyError.valueError("'\(name.value)' is not a valid font size; use points or one of " + scales.keys.sorted().joined(separator: ", "))
                }
                style.size = 10 * scale
            } else {
                style.size = try rt.toDouble(size)
            }
        }
        if let c = kw["color"] ?? kw["c"] { style.color = try color(rt, c) }
        return style
    }

    /// A 1-D sequence of numbers (a scalar counts as one number).
    static func numbers(_ rt: Interpreter, _ v: Value, _ what: String) throws -> [Double] {
        switch v {
        case .int, .float, .bool: return [try rt.toDouble(v)]
        case .none: throw PyError.typeError("\(what) must be a sequence of numbers, not None")
        case .object(let o):
            if o is PyStr { throw PyError.typeError("\(what) must be numbers, not str") }
            if let t = o as? PyTensor {
                return try numbers(rt, t.toList(), what)
            }
        }
        return try rt.iterate(v).map { item in
            switch item {
            case .object(let o) where o is PyList || o is PyTuple:
                throw PyError(T.notImplementedError, "sftnb's matplotlib does not support 2-D data in \(what); plot each column separately")
            case .object(let o) where o is PyStr:
                throw PyError(T.notImplementedError, "sftnb's matplotlib does not support strings (categories) in \(what) here; only bar() takes category names")
            case .object(let t as PyTensor):
                guard let first = try numbers(rt, .object(t), what).first, t.shape.isEmpty else {
                    throw PyError(T.notImplementedError, "sftnb's matplotlib does not support 2-D data in \(what)")
                }
                return first
            default:
                return try rt.toDouble(item)
            }
        }
    }

    // MARK: Colours

    static let baseColors: [Character: PlotColor] = [
        "b": PlotColor(r: 0, g: 0, b: 1), "g": PlotColor(r: 0, g: 0.5, b: 0), "r": PlotColor(r: 1, g: 0, b: 0),
        "c": PlotColor(r: 0, g: 0.75, b: 0.75), "m": PlotColor(r: 0.75, g: 0, b: 0.75), "y": PlotColor(r: 0.75, g: 0.75, b: 0),
        "k": PlotColor(r: 0, g: 0, b: 0), "w": PlotColor(r: 1, g: 1, b: 1),
    ]

    static let tableauNames = ["blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"]

    static func rgb(_ hex: Int, alpha: Double = 1) -> PlotColor {
        PlotColor(r: Double(hex >> 16) / 255, g: Double((hex >> 8) & 0xff) / 255, b: Double(hex & 0xff) / 255, a: alpha)
    }

    /// A colour string (`'r'`, `'C1'`, `'tab:orange'`, `'#1f77b4'`, `'navy'`, `'0.5'`), or nil.
    static func color(named s: String) -> PlotColor? {
        let name = s.lowercased()
        if name.count == 1, let c = name.first, let base = baseColors[c] { return base }
        if name.count == 2, name.first == "c", let d = name.last?.wholeNumberValue { return PlotFigure.colorCycle[d] }
        if name.hasPrefix("tab:"), let i = tableauNames.firstIndex(of: String(name.dropFirst(4))) { return PlotFigure.colorCycle[i] }
        if name.hasPrefix("#") {
            let digits = String(name.dropFirst())
            guard let v = Int(digits, radix: 16) else { return nil }
            if digits.count == 6 { return rgb(v) }
            if digits.count == 8 { return rgb(v >> 8, alpha: Double(v & 0xff) / 255) }
            if digits.count == 3 {
                let r = (v >> 8) & 0xf, g = (v >> 4) & 0xf, b = v & 0xf
                return rgb(r * 0x110000 + g * 0x1100 + b * 0x11)
            }
            return nil
        }
        if let hex = cssColors[name] { return rgb(hex) }
        if let gray = Double(name), gray >= 0, gray <= 1, !name.contains("e"), !name.contains("n") {
            return PlotColor(r: gray, g: gray, b: gray)
        }
        return nil
    }

    /// A colour argument: a name or an (r, g, b[, a]) tuple of 0...1 floats.
    static func color(_ rt: Interpreter, _ v: Value) throws -> PlotColor {
        if case .object(let o) = v, let s = o as? PyStr {
            if s.value.hasPrefix("xkcd:") {
                throw PyError(T.notImplementedError, "sftnb's matplotlib does not support xkcd colour names ('\(s.value)'); use a CSS name or '#rrggbb'")
            }
            guard let c = color(named: s.value) else {
                throw PyError.valueError("'\(s.value)' is not a valid color value.")
            }
            return c
        }
        if case .object(let o) = v, o is PyTuple || o is PyList {
            let parts = try rt.iterate(v).map { try rt.toDouble($0) }
            guard parts.count == 3 || parts.count == 4, parts.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
                throw PyError.valueError("RGBA sequence should have length 3 or 4 with values in 0..1")
            }
            return PlotColor(r: parts[0], g: parts[1], b: parts[2], a: parts.count == 4 ? parts[3] : 1)
        }
        throw PyError.valueError("\(try rt.repr(v)) is not a valid color value.")
    }

    /// `linestyle=`: `'-'`, `'--'`, `'-.'`, `':'`, their names, or `'None'`/`''` for no line.
    static func lineStyle(_ rt: Interpreter, _ v: Value) throws -> PlotLineStyle {
        if v.isNone { return .none }
        let s = try rt.toStr(v, "linestyle")
        switch s {
        case "-", "solid": return .solid
        case "--", "dashed": return .dashed
        case "-.", "dashdot": return .dashDot
        case ":", "dotted": return .dotted
        case "None", "none", " ", "": return .none
        default:
            throw PyError.valueError("'\(s)' is not a valid value for ls; supported values are '-', '--', '-.', ':', 'None', ' ', '', 'solid', 'dashed', 'dashdot', 'dotted'")
        }
    }

    /// `marker=`: one of the shapes sftnb draws, or None/`''` for none.
    static func markerShape(_ rt: Interpreter, _ v: Value) throws -> PlotMarker.Shape? {
        if v.isNone { return nil }
        let s = try rt.toStr(v, "marker")
        if s.isEmpty || s == "None" || s == "none" || s == " " { return nil }
        guard let shape = PlotMarker.Shape(rawValue: s) else {
            throw PyError(T.notImplementedError, "sftnb's matplotlib does not support marker '\(s)'; use one of "
                              + PlotMarker.Shape.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
        }
        return shape
    }

    /// `plot`'s format string: `[marker][line][color]` in any order, e.g. `'o-'`, `'r--'`, `'k.'`.
    struct Format {
        var marker: PlotMarker.Shape?
        var style: PlotLineStyle?
        var color: PlotColor?
    }

    static func format(_ fmt: String) throws -> Format {
        var result = Format()
        if fmt.count > 1, !fmt.contains(where: { "-.:".contains($0) }) || fmt.hasPrefix("#"), let c = color(named: fmt),
           PlotMarker.Shape(rawValue: fmt) == nil {
            result.color = c
            result.style = .solid
            return result
        }
        let chars = Array(fmt)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let pair = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
            if pair == "--" || pair == "-." {
                guard result.style == nil else { throw PyError.valueError("Illegal format string \"\(fmt)\"; two linestyle symbols") }
                result.style = pair == "--" ? .dashed : .dashDot
                i += 2
                continue
            }
            if c == "-" || c == ":" {
                guard result.style == nil else { throw PyError.valueError("Illegal format string \"\(fmt)\"; two linestyle symbols") }
                result.style = c == "-" ? .solid : .dotted
            } else if let shape = PlotMarker.Shape(rawValue: String(c)) {
                guard result.marker == nil else { throw PyError.valueError("Illegal format string \"\(fmt)\"; two marker symbols") }
                result.marker = shape
            } else if let base = baseColors[c] {
                guard result.color == nil else { throw PyError.valueError("Illegal format string \"\(fmt)\"; two color symbols") }
                result.color = base
            } else if c == "C", i + 1 < chars.count, let d = chars[i + 1].wholeNumberValue {
                guard result.color == nil else { throw PyError.valueError("Illegal format string \"\(fmt)\"; two color symbols") }
                result.color = PlotFigure.colorCycle[d]
                i += 1
            } else if "1234hHpP8|_".contains(c) {
                throw PyError(T.notImplementedError, "sftnb's matplotlib does not support marker '\(c)' (in format string '\(fmt)')")
            } else {
                throw PyError.valueError("'\(c)' is not a valid format string (unrecognized character '\(c)')")
            }
            i += 1
        }
        return result
    }
}
