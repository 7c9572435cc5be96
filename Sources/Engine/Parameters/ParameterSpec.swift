/// One parameter tensor to lay out in a `ParameterStore`: its Hugging Face name (the key in
/// `model.safetensors`), its shape, the dtype it is kept in, and whether it trains.
public struct ParameterSpec: Equatable, Sendable {
    public var name: String
    public var shape: [Int]
    /// `.F32` or `.BF16` (bf16 halves resident memory; values are upcast on use).
    public var dtype: TensorDType
    public var trainable: Bool

    public init(_ name: String, _ shape: [Int], dtype: TensorDType = .F32, trainable: Bool = true) {
        self.name = name
        self.shape = shape
        self.dtype = dtype
        self.trainable = trainable
    }

    public var count: Int { shape.reduce(1, *) }
}

/// A named view into the store's buffers: where a parameter's values (and, if it trains,
/// its gradient) live.
public struct ParameterView: Equatable, Sendable {
    public let name: String
    public let shape: [Int]
    public let dtype: TensorDType
    public let count: Int
    /// Byte offset of the values in the value buffer (64-byte aligned).
    public let byteOffset: Int
    /// Index of the view in declaration (state-dict) order.
    public let index: Int
}
