/// Turning tokenized examples into a training batch, as TRL's `DataCollatorForLanguageModeling`
/// (trl/trainer/sft_trainer.py) does: right padding, labels padded with -100, and for packed
/// (padding-free) rows, positions restarting per document and no target at a document's first
/// token. Unlike TRL, packed rows stay separate rows (with per-document attention) instead of
/// one flattened row: the loss and gradients are the same, and attention stays row-sized.
public struct TokenBatch: Equatable, Sendable {
    /// Rows and columns: every array below is `rows × columns`, row-major.
    public var rows: Int
    public var columns: Int
    public var inputIDs: [Int]
    /// -100 where a position is not a target.
    public var labels: [Int]
    /// 1 for real tokens, 0 for padding.
    public var attentionMask: [Int]
    /// Position of each token inside its document.
    public var positionIDs: [Int]
    /// Per-token document index inside its row, for packed rows (attention never crosses documents);
    /// nil when each row is one document.
    public var documentIDs: [Int]?

    public init(rows: Int, columns: Int, inputIDs: [Int], labels: [Int], attentionMask: [Int], positionIDs: [Int],
                documentIDs: [Int]? = nil) {
        self.rows = rows
        self.columns = columns
        self.inputIDs = inputIDs
        self.labels = labels
        self.attentionMask = attentionMask
        self.positionIDs = positionIDs
        self.documentIDs = documentIDs
    }

    /// Real (non-padding) tokens: TRL's `num_tokens` counts these.
    public var tokenCount: Int { attentionMask.reduce(0, +) }
    /// Labels that are not -100, before the shift (position 0 of a row included).
    public var labelCount: Int { labels.reduce(0) { $1 != LanguageModelingCollator.ignoreIndex ? $0 + 1 : $0 } }
    /// Supervised tokens (labels != -100) after the model's one-token shift.
    public var targetCount: Int {
        var n = 0
        for r in 0..<rows {
            for c in 1..<max(columns, 1) where labels[r * columns + c] != LanguageModelingCollator.ignoreIndex { n += 1 }
        }
        return n
    }
}

/// One tokenized example: `labels` nil means "learn every token".
public struct TokenizedExample: Equatable, Sendable {
    public var inputIDs: [Int]
    public var labels: [Int]?
    /// Document lengths for a packed row (bfd); nil for an ordinary example.
    public var sequenceLengths: [Int]?

    public init(inputIDs: [Int], labels: [Int]? = nil, sequenceLengths: [Int]? = nil) {
        self.inputIDs = inputIDs
        self.labels = labels
        self.sequenceLengths = sequenceLengths
    }
}

public struct LanguageModelingCollator: Sendable {
    public static let ignoreIndex = -100

    public var padTokenID: Int
    /// Packed rows carry `sequenceLengths`; positions restart per document and the first token
    /// of each document is not a target (TRL's padding-free behaviour).
    public var paddingFree: Bool
    public var padToMultipleOf: Int?

    public init(padTokenID: Int, paddingFree: Bool = false, padToMultipleOf: Int? = nil) {
        self.padTokenID = padTokenID
        self.paddingFree = paddingFree
        self.padToMultipleOf = padToMultipleOf
    }

    public func collate(_ examples: [TokenizedExample]) -> TokenBatch {
        var width = examples.map(\.inputIDs.count).max() ?? 0
        if let multiple = padToMultipleOf, multiple > 0 { width = (width + multiple - 1) / multiple * multiple }
        let rows = examples.count
        var batch = TokenBatch(rows: rows, columns: width,
                               inputIDs: [Int](repeating: padTokenID, count: rows * width),
                               labels: [Int](repeating: Self.ignoreIndex, count: rows * width),
                               attentionMask: [Int](repeating: 0, count: rows * width),
                               positionIDs: [Int](repeating: 0, count: rows * width),
                               documentIDs: paddingFree ? [Int](repeating: 0, count: rows * width) : nil)
        for (r, example) in examples.enumerated() {
            let base = r * width
            let labels = example.labels ?? example.inputIDs
            let lengths = paddingFree ? (example.sequenceLengths ?? [example.inputIDs.count]) : [example.inputIDs.count]
            var column = 0
            for (document, length) in lengths.enumerated() {
                for position in 0..<length where column < example.inputIDs.count {
                    batch.inputIDs[base + column] = example.inputIDs[column]
                    batch.labels[base + column] = paddingFree && position == 0 ? Self.ignoreIndex : labels[column]
                    batch.attentionMask[base + column] = 1
                    batch.positionIDs[base + column] = position
                    batch.documentIDs?[base + column] = document
                    column += 1
                }
            }
            // Padding positions are their own "document" so they never join a real one.
            if paddingFree {
                for c in column..<width { batch.documentIDs?[base + c] = lengths.count }
            }
        }
        return batch
    }
}
