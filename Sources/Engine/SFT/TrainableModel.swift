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
    /// The random streams training draws from (dropout, NEFTune), saved in checkpoints so a
    /// resumed run draws what the uninterrupted run would have (HF restores `rng_state.pth`).
    var randomStates: [Philox] { get set }
}

extension TrainableModel {
    /// A model without randomness in training has nothing to save.
    public var randomStates: [Philox] {
        get { [] }
        set {}
    }
}
