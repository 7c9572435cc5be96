import Engine

/// CPython 3.11's caret lines in tracebacks: under each frame's quoted source line, the
/// expression that failed is underlined —
///
///     return x["a"] + 1          x = int("abc")          print(d["k"])
///            ~~~~~~~^~~              ^^^^^^^^^^                ~^^^^^
///
/// An expression that can fail (a call, an operator, a subscript, an attribute, a name, an
/// unpacking target) notes where it is on the exception as it passes through — only the
/// innermost one in each frame, as CPython reports its failing instruction — and the frame's
/// traceback entry keeps it. Binary operators and subscripts get CPython's anchors: `^` under
/// the operator or the brackets, `~` under the operands. No carets when the expression is the
/// whole line (unless it has anchors), as CPython.

/// Where an exception surfaced in one frame.
struct CaretLocation: Sendable {
    /// Column ranges of the parts CPython's `_extract_caret_anchors_from_line_segment` finds
    /// in the expression's text (1-based columns on the span's first line).
    enum Anchors: Sendable {
        /// `left op right`: where the left operand ends and the right one starts.
        case binary(leftEnd: Int, rightStart: Int)
        /// `value[slice]`: where the value ends and the slice ends.
        case index(valueEnd: Int, sliceEnd: Int)
    }

    var span: SourceSpan
    var anchors: Anchors?

    /// The location of `e`, with anchors when it is a binary operator or a subscript on one line.
    init(_ e: Expr) {
        span = e.span
        switch e.kind {
        case let .binary(_, left, right) where left.span.endLine == e.span.line && right.span.line == e.span.line:
            anchors = .binary(leftEnd: left.span.endColumn, rightStart: right.span.column)
        case let .subscript(value, slice) where value.span.endLine == e.span.line && slice.span.endLine == e.span.line:
            anchors = .index(valueEnd: value.span.endColumn, sliceEnd: slice.span.endColumn)
        default:
            anchors = nil
        }
    }

    init(span: SourceSpan) {
        self.span = span
        anchors = nil
    }

    /// The caret line printed under `line` (the span's first line, as in the file), or nil when
    /// CPython prints none. Offsets count characters, widths count terminal columns (East Asian
    /// wide characters take two, `UnicodeWidth`), exactly as CPython 3.11 does.
    func caretLine(under line: String) -> String? {
        let chars = Array(line.unicodeScalars)
        let leading = chars.prefix { $0.properties.isWhitespace }.count
        let trailing = chars.reversed().prefix { $0.properties.isWhitespace }.count
        let strippedCount = max(0, chars.count - leading - trailing)
        let start = min(max(0, span.column - 1), chars.count)
        var end: Int
        var found: (left: Int, right: Int)?
        if span.endLine == span.line {
            end = min(max(start, span.endColumn - 1), chars.count)
            found = anchors.flatMap { anchorOffsets($0, segment: Array(chars[start..<end]), start: start) }
        } else {
            end = chars.count - trailing
        }
        end = max(end, start)
        let hasAnchors = found.map { $0.right - $0.left > 0 } ?? false
        guard end - start < strippedCount || hasAnchors else { return nil }
        let width = { (range: Range<Int>) in chars[range].reduce(0) { $0 + UnicodeWidth.columns($1) } }
        let startWidth = width(0..<start), spanWidth = width(start..<end)
        var out = "    " + String(repeating: " ", count: max(0, startWidth - leading))
        if let (left, right) = found {
            let leftWidth = width(start..<min(end, start + left)), rightWidth = width(start..<min(end, start + right))
            out += String(repeating: "~", count: leftWidth)
            out += String(repeating: "^", count: max(0, rightWidth - leftWidth))
            out += String(repeating: "~", count: max(0, spanWidth - rightWidth))
        } else {
            out += String(repeating: "^", count: spanWidth)
        }
        return out
    }

    /// CPython's anchor search on the expression's text `segment` (offsets relative to it).
    private func anchorOffsets(_ anchors: Anchors, segment: [Unicode.Scalar], start: Int) -> (left: Int, right: Int)? {
        let n = segment.count
        let isSpace = { (i: Int) in segment[i].properties.isWhitespace }
        switch anchors {
        case let .binary(leftEnd, rightStart):
            let operatorStart = leftEnd - 1 - start, operatorEnd = rightStart - 1 - start
            guard operatorStart >= 0, operatorStart <= operatorEnd, operatorEnd <= n else { return nil }
            let operatorText = segment[operatorStart..<operatorEnd]
            let offset = operatorText.prefix { $0.properties.isWhitespace }.count
            var left = operatorStart + offset, right = left + 1
            if offset + 1 < operatorText.count && !isSpace(operatorStart + offset + 1) { right += 1 }
            while left < n && (isSpace(left) || segment[left] == ")" || segment[left] == "#") {
                left += 1
                right += 1
            }
            return (left, right)
        case let .index(valueEnd, sliceEnd):
            var left = valueEnd - 1 - start, right = sliceEnd - start
            guard left >= 0, right >= 0 else { return nil }
            while left < n && segment[left] != "[" { left += 1 }
            while right < n && segment[right] != "]" { right += 1 }
            if right < n { right += 1 }
            return (left, right)
        }
    }
}

extension PyException {
    /// Notes that the exception surfaced at `caret` in `frame`, unless an expression deeper in the
    /// same frame already did (the innermost one is what CPython reports).
    func surfaced(at caret: CaretLocation, in frame: Frame) {
        let id = ObjectIdentifier(frame)
        if location?.frame == id { return }
        location = (id, caret)
    }

    /// The location noted for `frame` (then forgotten, so the frame's caller notes its own).
    func takeLocation(for frame: Frame) -> CaretLocation? {
        guard let location, location.frame == ObjectIdentifier(frame) else { return nil }
        self.location = nil
        return location.caret
    }
}

extension PyError {
    /// This error, noted as surfacing at `caret` in `frame` (for errors raised where the
    /// expression is known, such as a NameError).
    func surfaced(at caret: CaretLocation?, in frame: Frame) -> PyError {
        if let caret { exception.surfaced(at: caret, in: frame) }
        return self
    }
}

extension Compiler {
    /// `code` for expression `e`, noting `e` as where an exception passing through surfaced.
    func located(_ e: Expr, _ code: @escaping ExprCode) -> ExprCode {
        let caret = CaretLocation(e)
        return { f in
            do { return try code(f) } catch let error as PyError { throw error.surfaced(at: caret, in: f) }
        }
    }

    /// `code` for the call `e` whose callee is the attribute `callee` (`obj.name(...)`, compiled as
    /// one method call): an AttributeError no frame has seen yet comes from looking `name` up
    /// and surfaces at `obj.name`, as CPython reports it; anything else at the call.
    func locatedMethodCall(_ e: Expr, callee: Expr, _ code: @escaping ExprCode) -> ExprCode {
        let call = CaretLocation(e), lookup = CaretLocation(callee)
        return { f in
            do { return try code(f) } catch let error as PyError {
                let fromLookup = error.exception.traceback.isEmpty && error.exception.cls.isSubclass(of: T.attributeError)
                throw error.surfaced(at: fromLookup ? lookup : call, in: f)
            }
        }
    }

    /// `store` for assignment target `e` (an unpacking), noting `e` as where errors surfaced.
    func locatedStore(_ e: Expr, _ store: @escaping StoreCode) -> StoreCode {
        let caret = CaretLocation(e)
        return { f, v in
            do { try store(f, v) } catch let error as PyError { throw error.surfaced(at: caret, in: f) }
        }
    }
}
