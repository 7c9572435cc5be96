import Foundation

/// A progress bar in tqdm's layout, as `datasets` and the Trainer print them:
/// `Map: 100%|██████████| 2700/2700 [00:00<00:00, 4701.94 examples/s]`.
/// It redraws in place with `\r` at most every `interval` seconds; `finish()` prints the final
/// state and a newline (stored notebook outputs keep only that final state).
public final class ProgressBar {
    public let description: String
    public let total: Int
    public let unit: String
    public var postfix = ""
    private let write: (String) -> Void
    private let start: Date
    /// The opening draw counts as tqdm's first print: an update redraws only `interval` after
    /// it, so a quick job shows just its 0% and final lines, as tqdm's do.
    private var lastDraw: Date
    private let interval: TimeInterval
    public private(set) var count = 0
    /// Width of the last drawn line, to erase it.
    private var drawnWidth = 0

    public init(_ description: String, total: Int, unit: String = "it", interval: TimeInterval = 0.1,
                write: @escaping (String) -> Void) {
        self.description = description
        self.total = total
        self.unit = unit
        self.interval = interval
        self.write = write
        start = Date()
        lastDraw = start
        draw()
    }

    private func draw() {
        let text = line()
        drawnWidth = text.count
        write("\r" + text)
    }

    /// tqdm's `write`: erase the bar so the caller can print a line, then call `redraw()`.
    public func clear() {
        write("\r" + String(repeating: " ", count: drawnWidth) + "\r")
    }

    public func redraw() { draw() }

    public func update(_ n: Int = 1) {
        count += n
        let now = Date()
        if now.timeIntervalSince(lastDraw) >= interval {
            lastDraw = now
            draw()
        }
    }

    public func finish() {
        draw()
        write("\n")
    }

    /// The bar's text for the current count.
    public func line(now: Date = Date()) -> String {
        let elapsed = now.timeIntervalSince(start)
        let fraction = total > 0 ? min(1, Double(count) / Double(total)) : 0
        let cells = 10
        let filled = Int(fraction * Double(cells))
        let eighths = Int((fraction * Double(cells) - Double(filled)) * 8)
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var bar = String(repeating: "█", count: filled)
        if filled < cells {
            bar += eighths > 0 ? partial[eighths] : " "
            bar += String(repeating: " ", count: cells - filled - 1)
        }
        let rate = elapsed > 0 ? Double(count) / elapsed : 0
        let remaining = rate > 0 ? Double(total - count) / rate : 0
        let rateText = count == 0 ? "?\(unit)/s" : rate >= 1 || rate == 0
            ? String(format: "%.2f%@/s", rate, unit) : String(format: "%.2fs/%@", 1 / rate, unit)
        let remainingText = count == 0 ? "?" : Self.clock(remaining)
        let percent = String(format: "%3.0f%%", fraction * 100)
        return "\(description.isEmpty ? "" : description + ": ")\(percent)|\(bar)| \(count)/\(total) [\(Self.clock(elapsed))<\(remainingText), \(rateText)\(postfix)]"
    }

    /// tqdm's `format_interval`: `MM:SS`, or `H:MM:SS` past an hour.
    public static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, sec) : String(format: "%02d:%02d", m, sec)
    }
}
