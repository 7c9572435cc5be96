import Foundation

/// Learning-rate schedules as `transformers.get_scheduler` builds them: a LambdaLR whose factor
/// at scheduler step s multiplies the base lr. The optimizer's k-th update (k = 1, 2, …) runs
/// with factor(k − 1), so with warmup the first update uses lr 0, as in HF.
public struct LRSchedule: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case constant
        case constantWithWarmup = "constant_with_warmup"
        case linear
        case cosine
    }

    public var kind: Kind
    public var baseLR: Double
    public var warmupSteps: Int
    public var totalSteps: Int
    /// Cosine cycles (HF default 0.5: one half-cosine from base lr to 0).
    public var numCycles: Double

    public init(kind: Kind, baseLR: Double, warmupSteps: Int = 0, totalSteps: Int, numCycles: Double = 0.5) {
        self.kind = kind; self.baseLR = baseLR; self.warmupSteps = warmupSteps
        self.totalSteps = totalSteps; self.numCycles = numCycles
    }

    /// Schedule for an HF `lr_scheduler_type` name; throws for the ones not implemented.
    public init(name: String, baseLR: Double, warmupSteps: Int, totalSteps: Int) throws {
        guard let kind = Kind(rawValue: name) else {
            throw KernelError("lr_scheduler_type '\(name)' is not implemented; supported: " + Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.init(kind: kind, baseLR: baseLR, warmupSteps: warmupSteps, totalSteps: totalSteps)
    }

    /// HF's lambda at scheduler step s (0-based).
    public func factor(_ s: Int) -> Double {
        if kind == .constant { return 1 }
        if s < warmupSteps { return Double(s) / Double(max(1, warmupSteps)) }
        switch kind {
        case .constant, .constantWithWarmup:
            return 1
        case .linear:
            return max(0, Double(totalSteps - s) / Double(max(1, totalSteps - warmupSteps)))
        case .cosine:
            let progress = Double(s - warmupSteps) / Double(max(1, totalSteps - warmupSteps))
            return max(0, 0.5 * (1 + Foundation.cos(Double.pi * numCycles * 2 * progress)))
        }
    }

    /// Learning rate at scheduler step s (what `scheduler.get_last_lr()` reports after s steps).
    public func lr(atStep s: Int) -> Double { baseLR * factor(s) }

    /// Learning rate used by the k-th optimizer update (k ≥ 1).
    public func lr(forUpdate k: Int) -> Double { lr(atStep: k - 1) }
}
