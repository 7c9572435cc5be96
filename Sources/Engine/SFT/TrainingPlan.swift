/// The numbers of a training run, as `TrainingArguments`/`SFTConfig` give them, resolved the
/// way HF Trainer resolves them (steps per epoch, warmup as a count or a ratio, logging every
/// N steps or a fraction of the run).
public struct TrainingPlan: Sendable {
    public var batchSize = 8
    public var gradientAccumulationSteps = 1
    public var epochs = 3.0
    /// > 0 overrides `epochs`.
    public var maxSteps = -1
    public var learningRate = 5e-5
    public var scheduler = "linear"
    /// ≥ 1: a number of steps; < 1: a fraction of the total steps (transformers 5).
    public var warmupSteps = 0.0
    public var weightDecay = 0.0
    public var beta1 = 0.9
    public var beta2 = 0.999
    public var epsilon = 1e-8
    public var maxGradNorm = 1.0
    public var loggingStrategy = "steps"
    /// ≥ 1: every N steps; < 1: a fraction of the total steps.
    public var loggingSteps = 500.0
    public var loggingFirstStep = false
    public var loggingNanInfFilter = true
    public var evalStrategy = "no"
    public var evalSteps: Double?
    public var evalBatchSize = 8
    public var saveStrategy = "steps"
    public var saveSteps = 500.0
    public var saveTotalLimit: Int?
    public var seed = 42
    /// `data_seed`: seeds the sample order instead of `seed` when set.
    public var dataSeed: Int?
    public var dropLast = false
    /// What the summed token loss of an optimizer step is divided by. transformers 5 counts
    /// `num_items_in_batch` over the shifted labels for models whose class name marks them as
    /// causal LMs (`…ForCausalLM`, loss_type "ForCausalLM"), but over the unshifted labels for
    /// GPT-2 (`GPT2LMHeadModel` has no loss_type), so a GPT-2 run's logged loss and gradients are
    /// scaled by targets/labels. sftnb reproduces both so numbers match TRL's.
    public var lossDenominator = LossDenominator.targets

    public enum LossDenominator: Sendable {
        /// Supervised tokens after the shift (the true token mean).
        case targets
        /// Labels that are not -100 before the shift (transformers 5 with GPT-2).
        case labels
    }

    public init() {}

    /// HF's `num_update_steps_per_epoch`, `max_steps` and number of epochs for `examples` examples.
    public func schedule(examples: Int) -> (batchesPerEpoch: Int, updatesPerEpoch: Int, maxSteps: Int, epochs: Int) {
        let batches = dropLast ? examples / batchSize : (examples + batchSize - 1) / batchSize
        let ga = max(1, gradientAccumulationSteps)
        let updates = max(batches / ga + (batches % ga > 0 ? 1 : 0), 1)
        if maxSteps > 0 {
            return (batches, updates, maxSteps, maxSteps / updates + (maxSteps % updates > 0 ? 1 : 0))
        }
        let total = Int((epochs * Double(updates)).rounded(.up))
        return (batches, updates, total, Int(epochs.rounded(.up)))
    }

    /// A step count from a value that is either absolute (≥ 1) or a ratio of `total` (< 1).
    public static func steps(_ value: Double, of total: Int) -> Int {
        value >= 1 ? Int(value) : Int((Double(total) * value).rounded(.up))
    }
}
