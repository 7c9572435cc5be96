import Engine
import Foundation

/// nbval-style comparison of a cell's fresh outputs with the stored ones: text must be equal
/// except for numbers, which may drift within `|a - b| <= atol + rtol * |b|`; timestamps,
/// durations and rates are masked; sanitizer rules rewrite both sides before comparing.
/// Image bytes and HTML are not compared (as nbval), since they differ byte-wise from one
/// renderer or run to the next; but the number of outputs carrying an image is (channel
/// `images`), so a plot that disappeared or appeared is reported.
struct OutputComparison {
    var rtol = 1e-3
    var atol = 0.0
    var sanitizers: [Sanitizer] = OutputComparison.defaultSanitizers

    struct Sanitizer {
        var pattern: NSRegularExpression
        var replacement: String
    }

    /// What changes on every run by design: wall-clock timestamps, durations, throughput.
    static let defaultSanitizers: [Sanitizer] = [
        (#"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?"#, "<timestamp>"),
        (#"\b\d+(\.\d+)?(e[+-]?\d+)?\s?(s|ms|µs|us|ns|sec|seconds|min)\b"#, "<duration>"),
        (#"\b\d+:\d\d(:\d\d)?\b"#, "<duration>"),
        (#"\b\d+(\.\d+)?(e[+-]?\d+)?\s?[A-Za-z]*/s\b"#, "<rate>"),
        // Object addresses change every run; IPython writes `<X at 0x..>` where repr() has `<X object at 0x..>`.
        (#"<([\w.]+)( object)? at 0x[0-9a-fA-F]+>"#, "<$1 at <address>>"),
        // Trainer metrics, as floats in log_history or as the '{:.4g}' strings its log lines print.
        (#"'(\w*_runtime|\w*_per_second|\w*_preparation_time)': ('[0-9.e+-]*'|[0-9.e+-]+)"#, "'$1': <measured>"),
    ].compactMap { pattern, replacement in
        (try? NSRegularExpression(pattern: pattern)).map { Sanitizer(pattern: $0, replacement: replacement) }
    }

    /// Reads a sanitize file: pairs of `regex: PATTERN` / `replace: TEXT` lines (nbval's format).
    static func sanitizers(fromFile path: String) throws -> [Sanitizer] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw NotebookError(path: path, message: "cannot read the sanitize file")
        }
        var result: [Sanitizer] = []
        var pending: String?
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("[") { continue }
            if line.hasPrefix("regex:") {
                pending = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("replace:"), let pattern = pending {
                do {
                    let regex = try NSRegularExpression(pattern: pattern)
                    result.append(Sanitizer(pattern: regex, replacement: String(line.dropFirst(8)).trimmingCharacters(in: .whitespaces)))
                } catch {
                    throw NotebookError(path: path, message: "line \(number + 1): invalid regular expression '\(pattern)'")
                }
                pending = nil
            } else {
                throw NotebookError(path: path, message: "line \(number + 1): expected 'regex: PATTERN' or 'replace: TEXT'")
            }
        }
        return result
    }

    func sanitize(_ text: String) -> String {
        var text = text
        for s in sanitizers {
            text = s.pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                      withTemplate: s.replacement)
        }
        return text
    }

    /// One difference found in a cell.
    struct Difference: Equatable {
        /// `stdout`, `stderr`, `text/plain`, `error`, or `outputs` for a missing/extra output.
        var channel: String
        var expected: String
        var actual: String
        /// Human-readable report lines: a unified diff and the numbers that drifted.
        var report: [String]
    }

    /// The comparable text of each channel of a cell's outputs, streams merged as nbval does.
    static func channels(_ outputs: [Output]) -> [(String, String)] {
        var result: [(String, String)] = []
        var images = 0
        func append(_ channel: String, _ text: String) {
            if let i = result.firstIndex(where: { $0.0 == channel }), channel == "stdout" || channel == "stderr" {
                result[i].1 += text
            } else {
                result.append((channel, text))
            }
        }
        for output in outputs {
            switch output {
            case let .stream(name, text): append(name, text)
            case let .executeResult(data, _, _), let .displayData(data, _):
                for (mime, value) in data.entries where mime == "text/plain" || mime == "application/json" {
                    append(mime, value.stringValue ?? JSONWriter(sortKeys: true).string(value))
                }
                if data.entries.contains(where: { $0.mime.hasPrefix("image/") }) { images += 1 }
            case let .error(name, value, _): append("error", "\(name): \(value)")
            }
        }
        if images > 0 { append("images", "\(images) output\(images == 1 ? "" : "s") with an image") }
        return result
    }

    /// Pairs the k-th output of each channel with the k-th fresh one (a cell may show a
    /// result and a figure, two `text/plain` outputs).
    func compare(expected: [Output], actual: [Output]) -> [Difference] {
        let want = Self.channels(expected), got = Self.channels(actual)
        var differences: [Difference] = []
        var seen: [String: Int] = [:]
        for (channel, text) in want {
            let k = seen[channel, default: 0]
            seen[channel] = k + 1
            let fresh = got.filter { $0.0 == channel }.dropFirst(k).first?.1
            guard let fresh else {
                differences.append(Difference(channel: channel, expected: text, actual: "",
                                              report: ["missing output '\(channel)'"] + Self.quote(text, prefix: "-")))
                continue
            }
            if let report = compareText(expected: text, actual: fresh) {
                differences.append(Difference(channel: channel, expected: text, actual: fresh, report: report))
            }
        }
        var extra: [String: Int] = [:]
        for (channel, text) in got {
            let k = extra[channel, default: 0]
            extra[channel] = k + 1
            guard k >= seen[channel, default: 0] else { continue }
            differences.append(Difference(channel: channel, expected: "", actual: text,
                                          report: ["unexpected output '\(channel)'"] + Self.quote(text, prefix: "+")))
        }
        return differences
    }

    /// nil when equal within tolerance; otherwise a unified diff and the drifted numbers.
    func compareText(expected: String, actual: String) -> [String]? {
        let a = sanitize(expected), b = sanitize(actual)
        if a == b { return nil }
        let left = NumberTokens(a), right = NumberTokens(b)
        var drifts: [String] = []
        if left.text == right.text && left.numbers.count == right.numbers.count {
            var allClose = true
            for (x, y) in zip(left.numbers, right.numbers) where x.text != y.text {
                let limit = atol + rtol * abs(x.value)
                let gap = abs(x.value - y.value)
                if !(gap <= limit) {
                    allClose = false
                    drifts.append("  \(x.text) → \(y.text): off by \(PythonFloat.repr(gap)) (allowed \(PythonFloat.repr(limit)))")
                }
            }
            if allClose { return nil }
        }
        var report = UnifiedDiff.lines(expected: a, actual: b)
        if !drifts.isEmpty { report += ["numbers beyond tolerance (rtol \(rtol), atol \(atol)):"] + drifts }
        return report
    }

    static func quote(_ text: String, prefix: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
    }
}

/// Text with its numbers pulled out: `text` has each number replaced by a marker.
struct NumberTokens {
    struct Number { var text: String; var value: Double }
    var text = ""
    var numbers: [Number] = []

    private static let pattern = try! NSRegularExpression(
        pattern: #"(?<![\w.])[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?(?![\w])|\b(nan|inf)\b"#)

    init(_ source: String) {
        var cursor = source.startIndex
        for match in Self.pattern.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
            guard let range = Range(match.range, in: source) else { continue }
            text += source[cursor..<range.lowerBound]
            text += "\u{1}"
            let token = String(source[range])
            numbers.append(Number(text: token, value: Double(token) ?? .nan))
            cursor = range.upperBound
        }
        text += source[cursor...]
    }
}
