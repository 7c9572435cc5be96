import Foundation

/// Parses every file named on the command line with sftnb's parser and prints those it
/// rejects (with the error) and the total time: a differential check against CPython when
/// given files CPython compiles (e.g. a site-packages tree), and a speed measurement.
/// Build: see tools/fuzz/run (`parse-files` mode).
@main struct ParseFiles {
    static func main() {
        var rejected = 0, parsed = 0, bytes = 0
        var seconds = 0.0
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            bytes += data.count
            let start = Date()
            do {
                _ = try Parser.parse(SourceFile(name: path, text: text))
                parsed += 1
            } catch let e as SyntaxError {
                rejected += 1
                print("\(path):\(e.span.line):\(e.span.column): \(e.kind.rawValue): \(e.message)")
            } catch {
                rejected += 1
                print("\(path): \(error)")
            }
            let elapsed = Date().timeIntervalSince(start)
            seconds += elapsed
            if elapsed > 0.1 && elapsed > Double(data.count) / 1_000_000 {
                print("slow: \(path): \(data.count) bytes in \(String(format: "%.3f", elapsed)) s")
            }
        }
        print("parsed \(parsed), rejected \(rejected), \(bytes) bytes in \(String(format: "%.3f", seconds)) s")
    }
}
