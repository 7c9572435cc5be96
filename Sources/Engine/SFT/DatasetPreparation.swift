/// TRL's `SFTTrainer._prepare_dataset` (TRL 1.x), on rows of a data set: detect the format
/// from the first row (plain text, prompt/completion, conversational `messages` or
/// prompt/completion, or already tokenized), append EOS to text, tokenize (chat templates for
/// conversations), build labels from the completion and assistant masks, truncate to
/// `max_length` and drop rows left with nothing to learn — or pack.
public enum SFTDataPreparation {
    public struct Options: Sendable {
        public var textField = "text"
        public var maxLength: Int? = 1024
        /// "keep_start" or "keep_end".
        public var truncationMode = "keep_start"
        public var packing = false
        public var packingStrategy = Packing.Strategy.bfd
        /// nil: on for prompt/completion data (TRL's default).
        public var completionOnlyLoss: Bool?
        public var assistantOnlyLoss = false
        /// Overrides the tokenizer's chat template.
        public var chatTemplate: String?
        public var shuffleDataset = false
        public var seed = 42
        public init() {}
    }

    public enum Format: String, Sendable {
        case text, promptCompletion = "prompt-completion", conversational, conversationalPromptCompletion = "conversational prompt-completion", tokenized
    }

    public struct Result: Sendable {
        public var examples: [TokenizedExample]
        public var format: Format
        /// Rows dropped because truncation left no supervised token.
        public var droppedRows: Int
        /// Tokens cut by truncation (or by bfd packing).
        public var truncatedTokens: Int
        /// Whether the rows are packed (bfd) and carry document lengths (padding-free collation).
        public var paddingFree: Bool
        /// For unpacked results, the input row each example came from (rows dropped by
        /// truncation are absent); nil when packed.
        public var sourceRows: [Int]?
    }

    public struct PreparationError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func format(of row: DataDict, textField: String) -> Format {
        if row["input_ids"] != nil { return .tokenized }
        if isConversational(row) { return row["prompt"] != nil ? .conversationalPromptCompletion : .conversational }
        if row[textField] != nil { return .text }
        if row["prompt"] != nil, row["completion"] != nil { return .promptCompletion }
        return .text
    }

    /// TRL's `is_conversational`: a prompt/completion/messages value that is a list of dicts with a "role".
    static func isConversational(_ row: DataDict) -> Bool {
        for key in ["prompt", "chosen", "rejected", "completion", "messages"] {
            if case let .list(items)? = row[key], case let .dict(first)? = items.first, first["role"] != nil { return true }
        }
        return false
    }

    public static func prepare(rows: [DataDict], tokenizer: Tokenizer, options: Options) throws -> Result {
        guard let first = rows.first else { throw PreparationError(description: "the dataset is empty: nothing to train on") }
        let format = format(of: first, textField: options.textField)
        let completionOnly = options.completionOnlyLoss ?? (first["prompt"] != nil && first["completion"] != nil)
        if options.assistantOnlyLoss && format != .conversational && format != .conversationalPromptCompletion {
            throw PreparationError(description: "You set `assistant_only_loss=True`, but the dataset is not conversational. This option is only supported for conversational datasets.")
        }
        guard let eos = tokenizer.config.eosToken else {
            throw PreparationError(description: "the tokenizer has no eos_token; set tokenizer.eos_token (or SFTConfig(eos_token=...)) before training")
        }
        var examples: [TokenizedExample] = []
        examples.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            do {
                examples.append(try tokenize(row, format: format, tokenizer: tokenizer, eos: eos, options: options,
                                             completionOnly: completionOnly))
            } catch let error as PreparationError {
                throw PreparationError(description: "row \(index): \(error.description)")
            }
        }
        var truncated = 0, dropped = 0
        var sourceRows: [Int]? = options.packing ? nil : Array(examples.indices)
        if options.packing {
            guard let maxLength = options.maxLength else {
                throw PreparationError(description: "When packing is enabled, `max_length` can't be `None`.")
            }
            if options.shuffleDataset { examples = shuffled(examples, seed: options.seed) }
            let packed = Packing.pack(columns: [examples.map(\.inputIDs), examples.map { $0.labels ?? $0.inputIDs }],
                                      seqLength: maxLength, strategy: options.packingStrategy)
            examples = packed.rows.map {
                TokenizedExample(inputIDs: $0.columns[0], labels: $0.columns[1],
                                 sequenceLengths: options.packingStrategy == .bfd ? $0.sequenceLengths : nil)
            }
            truncated = packed.droppedTokens
        } else if let maxLength = options.maxLength {
            var kept: [Int] = []
            examples = examples.enumerated().compactMap { index, example in
                var e = example
                let n = e.inputIDs.count
                if n > maxLength {
                    truncated += n - maxLength
                    let range = options.truncationMode == "keep_end" ? (n - maxLength)..<n : 0..<maxLength
                    e.inputIDs = Array(e.inputIDs[range])
                    e.labels = e.labels.map { Array($0[range]) }
                }
                if let labels = e.labels, !labels.contains(where: { $0 != LanguageModelingCollator.ignoreIndex }) {
                    dropped += 1
                    return nil
                }
                kept.append(index)
                return e
            }
            sourceRows = kept
        }
        if options.shuffleDataset {
            var rng = NumpyGenerator(seed: UInt64(truncatingIfNeeded: options.seed))
            let permutation = rng.permutation(examples.count)
            examples = permutation.map { examples[$0] }
            sourceRows = sourceRows.map { rows in permutation.map { rows[$0] } }
        }
        return Result(examples: examples, format: format, droppedRows: dropped, truncatedTokens: truncated,
                      paddingFree: options.packing && options.packingStrategy == .bfd, sourceRows: sourceRows)
    }

    /// `Dataset.shuffle(seed=seed)`: numpy's `default_rng(seed).permutation`.
    static func shuffled(_ examples: [TokenizedExample], seed: Int) -> [TokenizedExample] {
        var rng = NumpyGenerator(seed: UInt64(truncatingIfNeeded: seed))
        return rng.permutation(examples.count).map { examples[$0] }
    }

    static func tokenize(_ row: DataDict, format: Format, tokenizer: Tokenizer, eos: String, options: Options,
                         completionOnly: Bool) throws -> TokenizedExample {
        func string(_ key: String) throws -> String {
            guard case let .string(s)? = row[key] else {
                throw PreparationError(description: row[key] == nil
                    ? "missing column '\(key)' (columns: \(row.keys.joined(separator: ", ")))"
                    : "column '\(key)' should hold text, found \(row[key]?.pythonTypeName ?? "None")")
            }
            return s
        }
        func messages(_ key: String) throws -> [JinjaValue] {
            guard case let .list(items)? = row[key] else {
                throw PreparationError(description: "column '\(key)' should be a list of {'role', 'content'} messages")
            }
            return items.map(JinjaValue.init(data:))
        }
        switch format {
        case .tokenized:
            guard case let .list(ids)? = row["input_ids"] else { throw PreparationError(description: "input_ids should be a list of token ids") }
            let inputIDs = try ids.map(intValue)
            var labels: [Int]?
            if case let .list(l)? = row["labels"] { labels = try l.map(intValue) }
            else if completionOnly, case let .list(mask)? = row["completion_mask"] {
                labels = try zip(inputIDs, mask).map { try intValue($1) == 1 ? $0 : LanguageModelingCollator.ignoreIndex }
            }
            return TokenizedExample(inputIDs: inputIDs, labels: labels)
        case .text:
            var text = try string(options.textField)
            if !text.hasSuffix(eos) { text += eos }
            return TokenizedExample(inputIDs: tokenizer.encode(text).ids)
        case .promptCompletion:
            var completion = try string("completion")
            if !completion.hasSuffix(eos) { completion += eos }
            let prompt = try string("prompt")
            let promptIDs = tokenizer.encode(prompt).ids
            let fullIDs = tokenizer.encode(prompt + completion).ids
            return TokenizedExample(inputIDs: fullIDs, labels: completionOnly ? completionLabels(promptIDs, fullIDs) : nil)
        case .conversational:
            let chat = try tokenizer.applyChatTemplate(try messages("messages"), template: options.chatTemplate,
                                                       returnAssistantMask: options.assistantOnlyLoss)
            return TokenizedExample(inputIDs: chat.ids, labels: try assistantLabels(chat))
        case .conversationalPromptCompletion:
            let prompt = try messages("prompt")
            let promptIDs = try tokenizer.applyChatTemplate(prompt, template: options.chatTemplate, addGenerationPrompt: true).ids
            let chat = try tokenizer.applyChatTemplate(prompt + (try messages("completion")), template: options.chatTemplate,
                                                       returnAssistantMask: options.assistantOnlyLoss)
            var labels = completionOnly ? completionLabels(promptIDs, chat.ids) : chat.ids
            if let assistant = try assistantLabels(chat) {
                labels = zip(labels, assistant).map { $1 == LanguageModelingCollator.ignoreIndex ? $1 : $0 }
            }
            return TokenizedExample(inputIDs: chat.ids, labels: labels)
        }
    }

    /// The completion starts where the tokenized prompt and prompt+completion diverge (TRL's `common_prefix_length`).
    static func completionLabels(_ promptIDs: [Int], _ fullIDs: [Int]) -> [Int] {
        var prefix = 0
        while prefix < promptIDs.count, prefix < fullIDs.count, promptIDs[prefix] == fullIDs[prefix] { prefix += 1 }
        return fullIDs.enumerated().map { $0.offset < prefix ? LanguageModelingCollator.ignoreIndex : $0.element }
    }

    static func assistantLabels(_ chat: Tokenizer.ChatEncoding) throws -> [Int]? {
        guard let mask = chat.assistantMask else { return nil }
        guard mask.contains(1) else {
            throw PreparationError(description: "You're using `assistant_only_loss=True`, but at least one example has no assistant tokens. This usually means the tokenizer's chat template doesn't generate assistant masks — it may be missing the `{% generation %}` keyword. Please check the template and ensure it's correctly configured to support assistant masking.")
        }
        return zip(chat.ids, mask).map { $1 == 1 ? $0 : LanguageModelingCollator.ignoreIndex }
    }

    static func intValue(_ value: DataValue) throws -> Int {
        guard case let .int(i) = value else { throw PreparationError(description: "expected token ids (ints), found \(value.pythonTypeName)") }
        return Int(i)
    }
}

extension JinjaValue {
    /// A data-set cell as a template value (messages, tools).
    public init(data: DataValue) {
        switch data {
        case .null: self = .none
        case let .bool(b): self = .bool(b)
        case let .int(i): self = .int(Int(i))
        case let .double(d): self = .float(d)
        case let .string(s): self = .string(s)
        case let .list(items): self = .list(items.map(JinjaValue.init(data:)))
        case let .dict(d): self = .dict(JinjaDict(d.map { ($0.0, JinjaValue(data: $0.1)) }))
        }
    }
}
