import Foundation

// Public API (parameters):
//   let store = try ParameterStore(specs: ParameterLayout.causalLM(config, dtype: .F32).specs,
//                                  ties: layout.ties)
//   try store.load(from: SafetensorsCheckpoint(directory: dir))   // shape-checked, by name
//   store.view("transformer.h.0.attn.c_attn.weight")             // offset, shape, dtype
//   store.floats(view)            // UnsafeMutableBufferPointer<Float> (F32 views: zero-copy)
//   store.read(view, into: p) / store.write(view, from: p)       // any dtype, up/downcast
//   store.setTrainable { name in ... }; store.gradient(view); store.zeroGradients()
//   store.checkpointEntries(); try store.save(to: dir)           // the names transformers saves
//   store.valueByteCount / store.gradientByteCount               // resident weights / grads

/// All of a model's weights in ONE 64-byte-aligned allocation, with named views whose names
/// are the Hugging Face tensor names, so loading and saving safetensors is a copy by name.
///
/// Each view keeps its own storage dtype: F32 for compute, or BF16 to halve resident memory
/// (`torch_dtype=torch.bfloat16`), upcast into a scratch buffer by `read(_:into:)`. Gradients
/// (always float32) live in a second allocation, made on first use, that holds only the
/// trainable views: frozen weights (the base model under LoRA) cost no gradient memory. Tied weights (`lm_head.weight` sharing
/// the input embedding) are aliases of one view, as in transformers.
public final class ParameterStore: @unchecked Sendable {
    public private(set) var views: [ParameterView] = []
    private var byName: [String: Int] = [:]
    /// alias name → target view name (tied weights).
    public private(set) var ties: [String: String] = [:]
    private var trainableFlags: [Bool] = []

    private let values: UnsafeMutableRawPointer
    /// Bytes of the value allocation (weights' resident memory).
    public let valueByteCount: Int

    private var gradients: UnsafeMutablePointer<Float>?
    private var gradientOffsets: [Int?] = []
    /// Floats of the gradient buffer (trainable views only, padded to 64 bytes each).
    public private(set) var gradientCount = 0
    public var gradientByteCount: Int { gradientCount * 4 }

    static let alignment = 64

    /// Lays out `specs` (in state-dict order) and zero-fills them; `ties` maps alias names to
    /// the view they share.
    public init(specs: [ParameterSpec], ties: [String: String] = [:]) throws {
        var offset = 0
        for (i, spec) in specs.enumerated() {
            guard byName[spec.name] == nil else { throw ParameterError.duplicate(spec.name) }
            guard spec.dtype == .F32 || spec.dtype == .BF16 else {
                throw ParameterError("parameter '\(spec.name)': storage dtype \(spec.dtype.rawValue) is not supported (use F32 or BF16)")
            }
            guard spec.shape.allSatisfy({ $0 >= 0 }) else {
                throw ParameterError("parameter '\(spec.name)': negative dimension in shape \(spec.shape)")
            }
            byName[spec.name] = i
            views.append(ParameterView(name: spec.name, shape: spec.shape, dtype: spec.dtype, count: spec.count,
                                       byteOffset: offset, index: i))
            offset += ParameterStore.roundUp(spec.count * spec.dtype.byteSize)
        }
        for (alias, target) in ties {
            guard byName[target] != nil else {
                throw ParameterError("tied parameter '\(alias)' points at '\(target)', which is not a parameter")
            }
            guard byName[alias] == nil else {
                throw ParameterError("tied parameter '\(alias)' is also declared as its own parameter")
            }
        }
        self.ties = ties
        valueByteCount = max(offset, ParameterStore.alignment)
        values = try ParameterStore.zeroedPages(valueByteCount)
        trainableFlags = specs.map(\.trainable)
        planGradients()
    }

    deinit {
        munmap(values, valueByteCount)
        if let gradients { munmap(gradients, gradientCount * 4) }
    }

    /// Anonymous pages: zero by definition and page-aligned, and resident only once
    /// written, so creating a store costs no pass over memory and loading touches each
    /// page once.
    static func zeroedPages(_ bytes: Int) throws -> UnsafeMutableRawPointer {
        guard let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              p != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw ParameterError("cannot allocate \(bytes) bytes for parameters: \(String(cString: strerror(errno)))")
        }
        return p
    }

    /// Bytes of the value allocation that are resident in RAM right now (`mincore`): the
    /// measured memory of the weights, which bf16 storage halves.
    public func residentValueBytes() -> Int {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = Int(bitPattern: values) / page * page
        let end = Int(bitPattern: values) + valueByteCount
        let pages = (end - start + page - 1) / page
        var status = [UInt8](repeating: 0, count: pages)
        guard mincore(UnsafeMutableRawPointer(bitPattern: start), end - start, &status) == 0 else { return -1 }
        return status.reduce(0) { $0 + Int($1 & 1) } * page
    }

    static func roundUp(_ bytes: Int) -> Int { (bytes + alignment - 1) / alignment * alignment }

    // MARK: - Views

    /// The view for `name`, following ties (`lm_head.weight` → the embedding when tied).
    public func view(_ name: String) -> ParameterView? {
        let resolved = ties[name] ?? name
        return byName[resolved].map { views[$0] }
    }

    /// Like `view(_:)` but throws a clear error for an unknown name.
    public func requireView(_ name: String) throws -> ParameterView {
        guard let v = view(name) else { throw ParameterError.unknownView(name) }
        return v
    }

    /// Number of parameters (tied ones counted once, as `model.num_parameters()` does).
    public var parameterCount: Int { views.reduce(0) { $0 + $1.count } }

    public var trainableParameterCount: Int {
        views.indices.reduce(0) { $0 + (trainableFlags[$1] ? views[$1].count : 0) }
    }

    /// The float32 values of an F32 view, in place; nil for a BF16 view (use `read`).
    public func floats(_ view: ParameterView) -> UnsafeMutableBufferPointer<Float>? {
        guard view.dtype == .F32 else { return nil }
        return UnsafeMutableBufferPointer(start: (values + view.byteOffset).assumingMemoryBound(to: Float.self),
                                          count: view.count)
    }

    /// The stored bytes of a view in its own dtype.
    public func rawBytes(_ view: ParameterView) -> UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: values + view.byteOffset, count: view.count * view.dtype.byteSize)
    }

    /// Copies a view's values as float32 into `destination` (upcasting BF16).
    public func read(_ view: ParameterView, into destination: UnsafeMutableBufferPointer<Float>) {
        precondition(destination.count >= view.count, "read(\(view.name)): destination too small")
        guard view.count > 0, let d = destination.baseAddress else { return }
        FloatConversion.toFloat(view.dtype, values + view.byteOffset, d, count: view.count)
    }

    /// A view's values as a float32 array (convenience for tests and small tensors).
    public func floatArray(_ view: ParameterView) -> [Float] {
        var out = [Float](repeating: 0, count: view.count)
        out.withUnsafeMutableBufferPointer { read(view, into: $0) }
        return out
    }

    /// Stores float32 values into a view (rounding to nearest even for BF16).
    public func write(_ view: ParameterView, from source: UnsafeBufferPointer<Float>) {
        precondition(source.count >= view.count, "write(\(view.name)): source too small")
        guard view.count > 0, let s = source.baseAddress else { return }
        FloatConversion.fromFloat(view.dtype, s, values + view.byteOffset, count: view.count)
    }

    // MARK: - Trainability and gradients

    public func isTrainable(_ view: ParameterView) -> Bool { trainableFlags[view.index] }

    /// Sets which views train and re-plans the gradient buffer to hold exactly those
    /// (existing gradient memory is released).
    public func setTrainable(_ predicate: (String) -> Bool) {
        trainableFlags = views.map { predicate($0.name) }
        planGradients()
    }

    /// Plans the gradient buffer for the trainable views; the memory itself is allocated on
    /// first use (as torch creates `.grad` at the first backward), so loading a model for
    /// inference or generation costs no gradient memory.
    private func planGradients() {
        if let gradients { munmap(gradients, gradientCount * 4) }
        gradients = nil
        var offset = 0
        gradientOffsets = views.indices.map { i in
            guard trainableFlags[i] else { return nil }
            defer { offset += ParameterStore.roundUp(views[i].count * 4) / 4 }
            return offset
        }
        gradientCount = offset
    }

    /// The gradient allocation, created zeroed on first use.
    private func gradientBase() -> UnsafeMutablePointer<Float>? {
        if gradients == nil && gradientCount > 0, let pages = try? ParameterStore.zeroedPages(gradientCount * 4) {
            gradients = pages.bindMemory(to: Float.self, capacity: gradientCount)
        }
        return gradients
    }

    /// Whether gradient memory has been allocated yet.
    public var hasGradientStorage: Bool { gradients != nil }

    /// Allocates the gradient memory now. The first gradient access allocates it anyway,
    /// but that is not thread-safe: call this before a backward pass that runs in parallel.
    public func prepareGradients() {
        _ = gradientBase()
    }

    /// The gradient of a trainable view (float32 always); nil for a frozen one.
    public func gradient(_ view: ParameterView) -> UnsafeMutableBufferPointer<Float>? {
        guard let offset = gradientOffsets[view.index], let gradients = gradientBase() else { return nil }
        return UnsafeMutableBufferPointer(start: gradients + offset, count: view.count)
    }

    /// The whole gradient allocation (for global-norm clipping over one flat buffer; the
    /// padding between views is always zero).
    public var allGradients: UnsafeMutableBufferPointer<Float> {
        let base = gradientBase()
        return UnsafeMutableBufferPointer(start: base, count: base == nil ? 0 : gradientCount)
    }

    /// Zeroes the gradients (allocated ones only: unallocated ones are zero by definition).
    public func zeroGradients() {
        gradients?.initialize(repeating: 0, count: gradientCount)
    }
}
