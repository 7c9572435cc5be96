import Foundation
import Testing
@testable import Script

@Suite struct OutputComparisonTests {
    let compare = OutputComparison()

    @Test func numbersWithinToleranceAreEqual() {
        #expect(compare.compareText(expected: "loss 2.3456 at step 10\n", actual: "loss 2.3458 at step 10\n") == nil)
        #expect(compare.compareText(expected: "{'loss': 1.25e-3}", actual: "{'loss': 1.2501e-3}") == nil)
    }

    @Test func numbersBeyondToleranceAreReportedWithTheDrift() throws {
        let report = try #require(compare.compareText(expected: "loss 2.30\n", actual: "loss 2.40\n"))
        #expect(report.contains("-loss 2.30"))
        #expect(report.contains("+loss 2.40"))
        #expect(report.contains { $0.contains("2.30 → 2.40") && $0.contains("off by") })
    }

    @Test func textDifferencesAreNeverForgiven() {
        #expect(compare.compareText(expected: "epoch 1 done", actual: "epoch 1 failed") != nil)
        #expect(compare.compareText(expected: "a 1 b", actual: "a 1 b 2") != nil)
    }

    @Test func timestampsDurationsAndRatesAreMasked() {
        #expect(compare.compareText(expected: "took 12.5s at 2026-01-01T10:00:00Z, 5400 tok/s",
                                    actual: "took 3.1s at 2026-11-25T18:00:01Z, 6100.5 tok/s") == nil)
        #expect(compare.compareText(expected: "{'train_runtime': 61.2, 'train_loss': 2.5}",
                                    actual: "{'train_runtime': 58.9, 'train_loss': 2.5}") == nil)
    }

    @Test func streamsMergeAndMissingOutputsAreReported() {
        let stored: [Output] = [.stream(name: "stdout", text: "a\n"), .stream(name: "stdout", text: "b\n")]
        #expect(compare.compare(expected: stored, actual: [.stream(name: "stdout", text: "a\nb\n")]).isEmpty)
        let missing = compare.compare(expected: stored, actual: [])
        #expect(missing.map(\.channel) == ["stdout"])
        let extra = compare.compare(expected: [], actual: [.error(name: "ValueError", value: "bad", traceback: [])])
        #expect(extra.map(\.channel) == ["error"])
    }

    @Test func imagesAreNotCompared() {
        let a: [Output] = [.displayData(data: MimeBundle([("image/png", .string("AAAA")), ("text/plain", .string("<Figure>"))]), metadata: .init())]
        let b: [Output] = [.displayData(data: MimeBundle([("image/png", .string("BBBB")), ("text/plain", .string("<Figure>"))]), metadata: .init())]
        #expect(compare.compare(expected: a, actual: b).isEmpty)
    }

    @Test func aPlotThatAppearsOrDisappearsIsReported() {
        let plot: [Output] = [.displayData(data: MimeBundle([("image/png", .string("AAAA")), ("text/plain", .string("<Figure>"))]), metadata: .init())]
        let textOnly: [Output] = [.displayData(data: MimeBundle([("text/plain", .string("<Figure>"))]), metadata: .init())]
        #expect(compare.compare(expected: plot, actual: textOnly).map(\.channel) == ["images"])
        // Jupyter stores PNG only, sftnb PNG and SVG: still one output with an image.
        let both: [Output] = [.displayData(data: MimeBundle([("image/png", .string("B")), ("image/svg+xml", .string("<svg/>")),
                                                              ("text/plain", .string("<Figure>"))]), metadata: .init())]
        #expect(compare.compare(expected: plot, actual: both).isEmpty)
    }

    @Test func aResultAndAFigureAreComparedInOrder() {
        let stored: [Output] = [
            .executeResult(data: MimeBundle([("text/plain", .string("[<matplotlib.lines.Line2D at 0x7f3a2c1b5d90>]"))]), metadata: .init(), executionCount: 1),
            .displayData(data: MimeBundle([("text/plain", .string("<Figure size 640x480 with 1 Axes>"))]), metadata: .init()),
        ]
        let fresh: [Output] = [
            .executeResult(data: MimeBundle([("text/plain", .string("[<matplotlib.lines.Line2D object at 0x00005581a2b3c4d0>]"))]), metadata: .init(), executionCount: 1),
            .displayData(data: MimeBundle([("text/plain", .string("<Figure size 640x480 with 1 Axes>"))]), metadata: .init()),
        ]
        #expect(compare.compare(expected: stored, actual: fresh).isEmpty)
        let twoFigures = fresh + [.displayData(data: MimeBundle([("text/plain", .string("<Figure size 640x480 with 2 Axes>"))]), metadata: .init())]
        #expect(compare.compare(expected: stored, actual: twoFigures).map(\.report.first) == ["unexpected output 'text/plain'"])
    }

    @Test func sanitizeFilesAreReadAndApplied() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sanitize-\(UUID().uuidString).cfg").path
        try "[memory]\nregex: \\d+ MiB\nreplace: <mem>\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var c = OutputComparison()
        c.sanitizers += try OutputComparison.sanitizers(fromFile: path)
        #expect(c.compareText(expected: "peak 120 MiB used", actual: "peak 999 MiB used") == nil)
        try "regex: (unclosed\nreplace: x\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: NotebookError.self) { try OutputComparison.sanitizers(fromFile: path) }
    }
}
