/// The trainable parameters as ONE float32 buffer laid out exactly like the store's gradient
/// buffer (`allGradients`), so an optimizer (AdamW) runs over two flat buffers.
///
/// When every view is F32 and trainable (full float32 fine-tuning, or a LoRA adapter store)
/// the values are the store's own memory, and `writeBack()` does nothing. Otherwise (BF16
/// storage, or some views frozen) the values are a float32 master copy of the trainable views;
/// call `writeBack()` after each optimizer step to store them (rounded to BF16 where stored
/// so), as mixed-precision training keeps float32 master weights.
public final class FlatParameters {
    public let values: UnsafeMutableBufferPointer<Float>
    public let gradients: UnsafeMutableBufferPointer<Float>
    let store: ParameterStore
    private let copied: [(view: ParameterView, offset: Int)]
    private let owned: Bool

    init(store: ParameterStore) {
        self.store = store
        gradients = store.allGradients
        if let first = store.views.first, store.views.allSatisfy({ $0.dtype == .F32 && store.isTrainable($0) }),
           let base = store.floats(first)?.baseAddress {
            values = UnsafeMutableBufferPointer(start: base, count: gradients.count)
            copied = []
            owned = false
            return
        }
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(gradients.count, 1))
        buffer.initialize(repeating: 0, count: max(gradients.count, 1))
        values = UnsafeMutableBufferPointer(start: buffer, count: gradients.count)
        owned = true
        var list: [(ParameterView, Int)] = []
        for view in store.views {
            guard let g = store.gradient(view)?.baseAddress, let g0 = gradients.baseAddress else { continue }
            let offset = g - g0
            store.read(view, into: UnsafeMutableBufferPointer(start: buffer + offset, count: view.count))
            list.append((view, offset))
        }
        copied = list
    }

    deinit { if owned { values.baseAddress?.deallocate() } }

    /// Copies the master values into the store (no-op when they are the store's memory).
    public func writeBack() {
        guard let base = values.baseAddress else { return }
        for (view, offset) in copied {
            store.write(view, from: UnsafeBufferPointer(start: base + offset, count: view.count))
        }
    }
}
