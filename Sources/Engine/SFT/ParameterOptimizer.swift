/// AdamW over every trainable view of one or more parameter stores. The trainable values are
/// gathered into one float32 vector (their optimizer "master" copy: exact for F32 storage; for
/// BF16 storage the update is rounded back to bf16 as torch does for a bf16 model), gradients
/// into a second, so AdamW and clipping run over flat buffers.
public final class ParameterOptimizer {
    struct Slot {
        var store: ParameterStore
        var view: ParameterView
        var range: Range<Int>
    }

    let slots: [Slot]
    public private(set) var adam: AdamW
    private var values: [Float]
    private var grads: [Float]

    public var parameterCount: Int { values.count }
    public var names: [String] { slots.map(\.view.name) }

    public init(stores: [ParameterStore], decay: (String) -> Bool, beta1: Double, beta2: Double, eps: Double,
                weightDecay: Double) throws {
        var slots: [Slot] = []
        var offset = 0
        for store in stores {
            for view in store.views where store.isTrainable(view) {
                slots.append(Slot(store: store, view: view, range: offset..<(offset + view.count)))
                offset += view.count
            }
        }
        self.slots = slots
        values = [Float](repeating: 0, count: offset)
        grads = [Float](repeating: 0, count: offset)
        // Consecutive slots with the same decay flag form one group.
        var groups: [AdamW.Group] = []
        for slot in slots {
            let d = decay(slot.view.name)
            if let last = groups.last, last.decay == d, last.range.upperBound == slot.range.lowerBound {
                groups[groups.count - 1].range = last.range.lowerBound..<slot.range.upperBound
            } else {
                groups.append(AdamW.Group(range: slot.range, decay: d))
            }
        }
        adam = try AdamW(count: offset, groups: groups, beta1: beta1, beta2: beta2, eps: eps, weightDecay: weightDecay)
    }

    /// The global gradient norm before clipping (torch's `clip_grad_norm_` result); clips when
    /// `maxNorm > 0`.
    public func gatherAndClipGradients(maxNorm: Float) -> Float {
        grads.withUnsafeMutableBufferPointer { g in
            for slot in slots {
                guard let source = slot.store.gradient(slot.view), let base = g.baseAddress else { continue }
                (base + slot.range.lowerBound).update(from: source.baseAddress!, count: slot.view.count)
            }
        }
        let ranges = slots.map(\.range)
        return grads.withUnsafeMutableBufferPointer { g in
            guard let base = g.baseAddress else { return 0 }
            return maxNorm > 0 ? GradClip.clip(base, tensors: ranges, maxNorm: maxNorm) : GradClip.totalNorm(base, tensors: ranges)
        }
    }

    /// One AdamW update at `lr` with the gathered gradients, written back to the stores.
    public func step(lr: Double) {
        values.withUnsafeMutableBufferPointer { v in
            for slot in slots {
                slot.store.read(slot.view, into: UnsafeMutableBufferPointer(rebasing: v[slot.range]))
            }
            grads.withUnsafeBufferPointer { g in
                guard let vb = v.baseAddress, let gb = g.baseAddress else { return }
                adam.update(params: vb, grads: gb, lr: lr)
            }
            for slot in slots {
                slot.store.write(slot.view, from: UnsafeBufferPointer(rebasing: v[slot.range]))
            }
        }
        var zeroed = Set<ObjectIdentifier>()
        for slot in slots where zeroed.insert(ObjectIdentifier(slot.store)).inserted {
            slot.store.zeroGradients()
        }
    }

    /// Optimizer state for checkpoints: step, exp_avg and exp_avg_sq by parameter name.
    public var state: (step: Int, m: [String: [Float]], v: [String: [Float]]) {
        var m: [String: [Float]] = [:], v: [String: [Float]] = [:]
        for slot in slots {
            m[slot.view.name] = Array(adam.m[slot.range])
            v[slot.view.name] = Array(adam.v[slot.range])
        }
        return (adam.step, m, v)
    }

    public func restore(step: Int, m: [String: [Float]], v: [String: [Float]]) throws {
        for slot in slots {
            guard let ms = m[slot.view.name], let vs = v[slot.view.name], ms.count == slot.view.count, vs.count == slot.view.count else {
                throw KernelError("optimizer state has no (or a wrongly sized) entry for '\(slot.view.name)'; was the checkpoint made with another model or adapter setup?")
            }
            adam.m.replaceSubrange(slot.range, with: ms)
            adam.v.replaceSubrange(slot.range, with: vs)
        }
        adam.step = step
    }
}
