/// One LoRA adapter on a dense layer: y += scaling · B (A dropout(x)), with A (r, in) and
/// B (out, r) in the adapter store (PEFT's shapes for both nn.Linear and GPT-2's Conv1D; only
/// merging differs). Forward keeps xa = A·dropout(x) (N, r) — and dropout(x) when dropout is
/// on — for backward.
final class LoRALinear: LinearAdapter {
    let layer: LinearSpec
    let r: Int
    let scaling: Float
    let dropout: Float
    unowned let store: ParameterStore
    let a: ParameterView, b: ParameterView
    /// Draws one dropout seed per forward in training.
    var rng: Philox
    private var seed: UInt64 = 0
    private var dropped = false
    private var xa: UnsafeMutablePointer<Float>
    private var xDrop: UnsafeMutablePointer<Float>?
    private var capacityRows = 0

    init(layer: LinearSpec, r: Int, scaling: Float, dropout: Float, store: ParameterStore, a: ParameterView, b: ParameterView, seed: UInt64) {
        self.layer = layer; self.r = r; self.scaling = scaling; self.dropout = dropout
        self.store = store; self.a = a; self.b = b
        rng = Philox(seed: seed)
        xa = .allocate(capacity: 1)
    }

    deinit {
        xa.deallocate()
        xDrop?.deallocate()
    }

    private func reserve(rows n: Int) {
        guard n > capacityRows else { return }
        xa.deallocate(); xDrop?.deallocate()
        xa = .allocate(capacity: n * r)
        xDrop = dropout > 0 ? .allocate(capacity: n * layer.inDim) : nil
        capacityRows = n
    }

    private var aPointer: UnsafeMutablePointer<Float> { store.floats(a)!.baseAddress! }
    private var bPointer: UnsafeMutablePointer<Float> { store.floats(b)!.baseAddress! }

    func forward(x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, rows n: Int, training: Bool) {
        reserve(rows: n)
        var input = x
        dropped = training && dropout > 0
        if dropped, let xDrop, let spec = try? DropoutSpec(p: dropout, seed: rng.nextUInt64()) {
            seed = spec.seed
            Dropout.forward(y: xDrop, x: x, count: n * layer.inDim, spec: spec)
            input = UnsafePointer(xDrop)
        }
        Linear.forward(y: xa, x: input, w: aPointer, b: nil, rows: n, inFeatures: layer.inDim, outFeatures: r)
        MatMul.sgemm(transB: true, m: n, n: layer.outDim, k: r, alpha: scaling, a: xa, b: bPointer, beta: 1, c: y)
    }

    func backward(dy: UnsafePointer<Float>, x: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>?, rows n: Int) {
        let input = dropped && xDrop != nil ? UnsafePointer(xDrop!) : x
        if let dB = store.gradient(b)?.baseAddress {
            MatMul.sgemm(transA: true, m: layer.outDim, n: r, k: n, alpha: scaling, a: dy, b: xa, beta: 1, c: dB)
        }
        // dxa (N, r) = scaling · dy · B, reusing the xa buffer once B's gradient has used it.
        MatMul.sgemm(m: n, n: r, k: layer.outDim, alpha: scaling, a: dy, b: bPointer, c: xa)
        if let dA = store.gradient(a)?.baseAddress {
            MatMul.sgemm(transA: true, m: r, n: layer.inDim, k: n, a: xa, b: input, beta: 1, c: dA)
        }
        guard let dx else { return }
        if dropped, let xDrop, let spec = try? DropoutSpec(p: dropout, seed: seed) {
            // xDrop is free now: ∂L/∂dropout(x), then the mask.
            MatMul.sgemm(m: n, n: layer.inDim, k: r, a: xa, b: aPointer, c: xDrop)
            Dropout.apply(xDrop, count: n * layer.inDim, spec: spec)
            Residual.accumulate(into: dx, xDrop, count: n * layer.inDim)
        } else {
            MatMul.sgemm(m: n, n: layer.inDim, k: r, a: xa, b: aPointer, beta: 1, c: dx)
        }
    }

    /// Base weight += scaling · B·A (transposed for Conv1D).
    func merge(into base: ParameterStore) throws {
        let view = try base.requireView(layer.weight)
        var w = base.floatArray(view)
        let A = store.floatArray(a), B = store.floatArray(b)
        for o in 0..<layer.outDim {
            for i in 0..<layer.inDim {
                var s: Float = 0
                for k in 0..<r { s += B[o * r + k] * A[k * layer.inDim + i] }
                let index = layer.conv1D ? i * layer.outDim + o : o * layer.inDim + i
                w[index] += scaling * s
            }
        }
        w.withUnsafeBufferPointer { base.write(view, from: $0) }
    }
}
