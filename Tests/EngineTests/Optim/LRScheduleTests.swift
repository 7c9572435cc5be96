import Foundation
import Testing
@testable import Engine

@Suite struct LRScheduleTests {
    @Test func matchesTransformersGetScheduler() throws {
        let all = try #require(try KT.fixture("schedules")["schedules"] as? [[String: Any]])
        #expect(all.count == 8)
        for s in all {
            let name = try #require(s["name"] as? String)
            let warmup = try #require((s["warmup"] as? NSNumber)?.intValue)
            let total = try #require((s["total"] as? NSNumber)?.intValue)
            let base = try #require((s["baseLR"] as? NSNumber)?.doubleValue)
            let sched = try LRSchedule(name: name, baseLR: base, warmupSteps: warmup, totalSteps: total)
            let want = try #require(s["updateLRs"] as? [NSNumber]).map(\.doubleValue)
            for (k, lr) in want.enumerated() {
                let got = sched.lr(forUpdate: k + 1)
                #expect(abs(got - lr) <= 1e-12 + 1e-9 * abs(lr), "\(name) warmup \(warmup) update \(k + 1): \(got) vs \(lr)")
            }
        }
    }

    @Test func firstUpdateRunsAtZeroWithWarmup() throws {
        let s = LRSchedule(kind: .linear, baseLR: 1e-3, warmupSteps: 2, totalSteps: 10)
        #expect(s.lr(forUpdate: 1) == 0)
        #expect(s.lr(forUpdate: 3) == 1e-3)
        #expect(throws: KernelError.self) { try LRSchedule(name: "polynomial", baseLR: 1, warmupSteps: 0, totalSteps: 1) }
    }
}
