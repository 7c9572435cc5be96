import CReadline
import Foundation

/// `~/.sftnb_history`: one entry per record; a multi-line entry (a `def`, a `for`) is stored
/// with its newlines escaped so it comes back whole with the up arrow.
struct ReplHistory {
    let path: String
    static let limit = 5000

    func load() {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        for line in text.split(separator: "\n").suffix(Self.limit) {
            add_history(line.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\\\", with: "\\"))
        }
    }

    func add(_ entry: String) {
        add_history(entry)
    }

    func save() {
        var lines: [String] = []
        var i: Int32 = history_base
        while i < history_base + history_length {
            if let e = history_get(i), let text = e.pointee.line {
                lines.append(String(cString: text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n"))
            }
            i += 1
        }
        try? (lines.suffix(Self.limit).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
