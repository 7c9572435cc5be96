/// What the training loop needs from a model: loss and gradients for a batch, a loss without
/// gradients for evaluation, and the parameter stores whose trainable views it optimizes
/// (the base model's for full fine-tuning; the adapters' under LoRA).
public protocol TrainableModel: AnyObject {
    var trainableStores: [ParameterStore] { get }
    /// Training mode turns on dropout and NEFTune noise; evaluation turns them off.
    var training: Bool { get set }
    /// Forward and backward over `batch`, accumulating ∂(gradScale · Σ token losses) into the
    /// stores' gradients. Returns the batch's loss sum, supervised-token count and correct count.
    func lossAndGradients(_ batch: TokenBatch, gradScale: Float) throws -> CrossEntropy.Result
    /// Forward only.
    func evaluate(_ batch: TokenBatch) throws -> CrossEntropy.Result
    /// Whether AdamW's weight decay applies to a parameter: HF Trainer exempts biases and norm weights.
    func weightDecayApplies(to name: String) -> Bool
    /// Restarts every random stream of training (dropout, NEFTune) from `seed`. The loop calls
    /// it before each micro-batch with a seed derived from the position in training.
    func reseed(_ seed: UInt64)
    /// The parameter count HF's Trainer multiplies by 6 × the batch's input ids for `total_flos`
    /// (`model.num_parameters(exclude_embeddings=True)`).
    var flopsParameterCount: Int { get }
}

extension TrainableModel {
    /// A model without random streams has nothing to reseed.
    public func reseed(_ seed: UInt64) {}
}
