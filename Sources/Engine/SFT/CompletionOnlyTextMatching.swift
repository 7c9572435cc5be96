/// `DataCollatorForCompletionOnlyLM` with string templates, made robust to tokenization
/// context. 2024 TRL looked for the template's *token ids* inside the row, and a template
/// tokenized on its own often differs from the same characters inside a text ("### Answer:"
/// after a newline merges differently), so the row was silently ignored. sftnb keeps TRL's
/// id search first (identical results where TRL finds the template) and, only when that
/// fails, finds the template in the row's text by character offsets and maps the match back
/// to tokens through the tokenizer's offsets.
public enum CompletionOnlyTextMatching {
    public struct Templates: Sendable {
        public var response: [Int]
        public var responseText: String?
        public var instruction: [Int]?
        public var instructionText: String?

        public init(response: [Int], responseText: String?, instruction: [Int]?, instructionText: String?) {
            self.response = response
            self.responseText = responseText
            self.instruction = instruction
            self.instructionText = instructionText
        }
    }

    /// Masks one row's `labels` in place (first `length` positions are real tokens).
    public static func apply(labels: inout [Int], ids: [Int], length: Int, templates: Templates,
                             tokenizer: Tokenizer) -> CompletionOnlyMasking.Outcome {
        var byIDs = labels
        let outcome = CompletionOnlyMasking.apply(labels: &byIDs, ids: ids, length: length,
                                                  response: templates.response, instruction: templates.instruction)
        if outcome == .masked || (templates.responseText == nil && templates.instructionText == nil) {
            labels = byIDs
            return outcome
        }
        guard let located = locateByText(ids: Array(ids[0..<length]), templates: templates, tokenizer: tokenizer) else {
            labels = byIDs
            return outcome
        }
        return CompletionOnlyMasking.mask(labels: &labels, length: length, responseEnds: located.responseEnds,
                                          instructionStarts: located.instructionStarts)
    }

    /// Token positions of the templates found in the decoded row: for each response match, the
    /// index just past the token holding its last character; for each instruction match, the
    /// token holding its first character. Nil when the row does not re-tokenize to the same ids
    /// (then offsets cannot be trusted).
    static func locateByText(ids: [Int], templates: Templates,
                             tokenizer: Tokenizer) -> (responseEnds: [Int], instructionStarts: [Int]?)? {
        guard let text = try? tokenizer.decode(ids) else { return nil }
        let encoding = tokenizer.encode(text, addSpecialTokens: false)
        guard encoding.ids == ids else { return nil }
        let scalars = Array(text.unicodeScalars)
        func starts(of template: String) -> [Int] {
            let pattern = Array(template.unicodeScalars)
            guard !pattern.isEmpty, pattern.count <= scalars.count else { return [] }
            return (0...(scalars.count - pattern.count)).filter { i in
                scalars[i] == pattern[0] && scalars[i..<(i + pattern.count)].elementsEqual(pattern)
            }
        }
        func token(containing position: Int) -> Int? {
            encoding.offsets.firstIndex { $0.contains(position) }
        }
        var responseEnds: [Int] = []
        if let response = templates.responseText {
            let width = response.unicodeScalars.count
            for start in starts(of: response) {
                if let last = token(containing: start + width - 1) { responseEnds.append(last + 1) }
            }
        } else {
            responseEnds = CompletionOnlyMasking.occurrences(of: templates.response, in: ids).map { $0 + templates.response.count }
        }
        var instructionStarts: [Int]?
        if let instruction = templates.instructionText {
            instructionStarts = starts(of: instruction).compactMap { token(containing: $0) }
        } else if let ids2 = templates.instruction {
            instructionStarts = CompletionOnlyMasking.occurrences(of: ids2, in: ids)
        }
        return (responseEnds, instructionStarts)
    }
}
