/// `DataCollatorForCompletionOnlyLM`'s masking (TRL 0.7–0.19): only the response after the
/// response template is learned; with an instruction template, each instruction...response
/// span is masked too. Kept from 2024 TRL, with today's fix that padding is masked by the
/// attention mask, never by the pad id (so a real EOS equal to pad is still learned).
public enum CompletionOnlyMasking {
    public enum Outcome: Equatable, Sendable {
        case masked
        /// The response template was not found: the whole row is ignored (TRL warns).
        case responseTemplateNotFound
        /// An instruction template was given but not found: the whole row is ignored (TRL warns).
        case instructionTemplateNotFound
    }

    /// Masks `labels` (one row, padding already -100) in place. `ids` are the row's input ids.
    public static func apply(labels: inout [Int], ids: [Int], length: Int,
                             response: [Int], instruction: [Int]?) -> Outcome {
        let ignore = LanguageModelingCollator.ignoreIndex
        // Template matches are searched in the labels (as TRL does), so masked tokens never match.
        let searchable = (0..<length).map { labels[$0] == ignore ? Int.min : ids[$0] }
        let responseEnds = occurrences(of: response, in: searchable).map { $0 + response.count }
        let humanStarts = instruction.map { occurrences(of: $0, in: searchable) }
        return mask(labels: &labels, length: length, responseEnds: responseEnds, instructionStarts: humanStarts)
    }

    /// TRL's masking once the templates are located: `responseEnds` are the token indices just
    /// past each response template, `instructionStarts` the first token of each instruction
    /// template (nil when the collator has no instruction template).
    public static func mask(labels: inout [Int], length: Int, responseEnds: [Int], instructionStarts: [Int]?) -> Outcome {
        let ignore = LanguageModelingCollator.ignoreIndex
        guard var humanStarts = instructionStarts else {
            guard let last = responseEnds.last else {
                for i in 0..<length { labels[i] = ignore }
                return .responseTemplateNotFound
            }
            for i in 0..<min(last, length) { labels[i] = ignore }
            return .masked
        }
        var outcome = Outcome.masked
        if responseEnds.isEmpty {
            for i in 0..<length { labels[i] = ignore }
            outcome = .responseTemplateNotFound
        }
        if humanStarts.isEmpty {
            for i in 0..<length { labels[i] = ignore }
            if outcome == .masked { outcome = .instructionTemplateNotFound }
        }
        if let firstHuman = humanStarts.first, let firstResponse = responseEnds.first, firstHuman > firstResponse {
            humanStarts.insert(0, at: 0)
        }
        for (k, (start, end)) in zip(humanStarts, responseEnds).enumerated() {
            let from = k == 0 ? 0 : start
            if from < end { for i in from..<min(end, length) { labels[i] = ignore } }
        }
        if responseEnds.count < humanStarts.count, let lastHuman = humanStarts.last {
            for i in lastHuman..<length { labels[i] = ignore }
        }
        return outcome
    }

    /// Start indices where `pattern` occurs in `sequence` (overlapping matches included).
    static func occurrences(of pattern: [Int], in sequence: [Int]) -> [Int] {
        guard !pattern.isEmpty, pattern.count <= sequence.count else { return [] }
        var starts: [Int] = []
        for i in 0...(sequence.count - pattern.count) where sequence[i] == pattern[0] {
            if sequence[i..<(i + pattern.count)].elementsEqual(pattern) { starts.append(i) }
        }
        return starts
    }
}
