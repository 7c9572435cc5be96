/// Errors the kernels throw on bad input (token ids out of range, impossible shapes), with a
/// message that says what was wrong, where, and how to fix it.
public struct KernelError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }

    static func idOutOfRange(_ what: String, id: Int32, index: Int, rows: Int) -> KernelError {
        KernelError("\(what): id \(id) at position \(index) is outside the table's \(rows) rows; "
            + "check that the tokenizer's vocabulary matches the model (vocab_size) and that positions fit max_position_embeddings")
    }
}
