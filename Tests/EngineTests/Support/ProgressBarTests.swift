import Foundation
import Testing
@testable import Engine

/// The bar draws as tqdm does: at creation, then at most once per interval, then its final state.
@Suite struct ProgressBarTests {
    final class Sink { var text = "" }

    @Test func aQuickJobShowsOnlyItsOpeningAndFinalLines() {
        let sink = Sink()
        let bar = ProgressBar("Map", total: 64, unit: " examples", interval: 3600) { sink.text += $0 }
        for _ in 0..<64 { bar.update() }
        bar.finish()
        let lines = sink.text.split(separator: "\r", omittingEmptySubsequences: true)
        #expect(lines.count == 2, "\(sink.text)")
        #expect(lines.first?.hasPrefix("Map:   0%|          | 0/64 [00:00<?, ? examples/s]") == true, "\(sink.text)")
        #expect(lines.last?.hasPrefix("Map: 100%|██████████| 64/64 [00:00<00:00, ") == true, "\(sink.text)")
        #expect(sink.text.hasSuffix(" examples/s]\n"))
    }

    @Test func updatesRedrawOnceTheIntervalHasPassed() {
        let sink = Sink()
        let bar = ProgressBar("Map", total: 4, interval: 0) { sink.text += $0 }
        bar.update()
        bar.update()
        #expect(sink.text.components(separatedBy: "\r").count - 1 == 3, "\(sink.text)")
        #expect(sink.text.contains("2/4"))
    }
}
