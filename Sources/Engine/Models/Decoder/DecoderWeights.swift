/// Float32 pointers to a store's weights for the kernels. F32 views are used in place; BF16
/// views are upcast on use into a scratch buffer that is reset at each phase (embeddings,
/// each layer, head), so resident weights stay at 2 bytes each and only one layer at a time
/// exists in float32.
final class DecoderWeights {
    let store: ParameterStore
    private var scratch: UnsafeMutablePointer<Float>
    private let capacity: Int
    private var used = 0

    init(store: ParameterStore, spec: DecoderSpec) throws {
        self.store = store
        for name in spec.allParameterNames where store.view(name) == nil {
            throw ParameterError("the model's parameters have no tensor '\(name)', which the \(spec.layers.count)-layer decoder needs; is the checkpoint from the same model family and config?")
        }
        func upcastCount(_ names: [String]) -> Int {
            names.reduce(0) { sum, name in
                guard let v = store.view(name), v.dtype != .F32 else { return sum }
                return sum + (v.count + 15) / 16 * 16
            }
        }
        let layerMax = spec.layers.map { upcastCount($0.parameterNames) }.max() ?? 0
        capacity = layerMax + upcastCount(spec.globalParameterNames) + 16
        scratch = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
    }

    deinit { scratch.deallocate() }

    /// Starts a new phase: earlier upcast pointers become invalid.
    func reset() { used = 0 }

    /// The float32 values of `name` (validated at init).
    func get(_ name: String) -> UnsafePointer<Float> {
        guard let view = store.view(name) else { preconditionFailure("DecoderWeights: '\(name)' was validated at init") }
        if let f = store.floats(view) { return UnsafePointer(f.baseAddress ?? scratch) }
        precondition(used + view.count <= capacity, "DecoderWeights: upcast scratch too small for '\(name)'")
        let p = scratch + used
        store.read(view, into: UnsafeMutableBufferPointer(start: p, count: view.count))
        used += (view.count + 15) / 16 * 16
        return UnsafePointer(p)
    }

    /// The gradient buffer of `name`, nil when it is frozen.
    func gradient(_ name: String) -> UnsafeMutablePointer<Float>? {
        store.view(name).flatMap { store.gradient($0)?.baseAddress }
    }
}

extension LayerSpec {
    /// Every dense layer of the block, attention first (the modules PEFT can target).
    public var linears: [LinearSpec] {
        var out: [LinearSpec] = []
        switch attention.projections {
        case let .fused(l): out.append(l)
        case let .separate(q, k, v): out += [q, k, v]
        }
        out.append(attention.output)
        switch mlp.kind {
        case let .standard(fc1, fc2, _): out += [fc1, fc2]
        case let .gated(gate, up, down): out += [gate, up, down]
        }
        return out
    }

    /// The tensor names the block reads.
    public var parameterNames: [String] {
        var names = linears.flatMap { [$0.weight] + ($0.bias.map { [$0] } ?? []) }
        for norm in [attentionNorm, mlpNorm] { names += [norm.weight, norm.bias].compactMap { $0 } }
        return names
    }
}

extension DecoderSpec {
    /// Tensor names outside the blocks: embeddings, project_in/out, final norm, LM head.
    public var globalParameterNames: [String] {
        var names = [tokenEmbedding]
        if let p = positionEmbedding { names.append(p.name) }
        for l in [projectIn, projectOut].compactMap({ $0 }) { names.append(l.weight); if let b = l.bias { names.append(b) } }
        if let n = finalNorm { names += [n.weight, n.bias].compactMap { $0 } }
        if lmHead != tokenEmbedding { names.append(lmHead) }
        return names
    }

    public var allParameterNames: [String] { globalParameterNames + layers.flatMap(\.parameterNames) }

    /// Every dense layer, blocks first then project_in/out (for LoRA targeting).
    public var allLinears: [LinearSpec] { layers.flatMap(\.linears) + [projectIn, projectOut].compactMap { $0 } }
}
