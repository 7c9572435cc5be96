import Engine
import Foundation

/// The engine side of `DataCollatorForCompletionOnlyLM` (stdlib/trl.py): its labels for a
/// padded batch, and the same masks applied to a trainer's prepared examples. The masking is
/// 2024 TRL's (`CompletionOnlyMasking`), with string templates also found by character
/// offsets (`CompletionOnlyTextMatching`); padding is masked by the attention mask, never by
/// the pad id, so a real EOS equal to the pad token is still learned.
enum CompletionOnlyBinding {
    /// The collator's templates, or nil when `collator` is not a `DataCollatorForCompletionOnlyLM`.
    static func templates(_ rt: Interpreter, collator: Value, tokenizer: Tokenizer) throws -> CompletionOnlyTextMatching.Templates? {
        guard !collator.isNone, (try? rt.getAttr(collator, "response_token_ids")) != nil else { return nil }
        func ids(_ name: String) throws -> [Int]? {
            let v = try rt.getAttr(collator, name)
            return v.isNone ? nil : try rt.iterate(v).map { try rt.toInt($0) }
        }
        func text(_ name: String) throws -> String? {
            let v = try rt.getAttr(collator, name)
            if case .object(let o) = v, let s = o as? PyStr { return s.value }
            return nil
        }
        guard let response = try ids("response_token_ids"), !response.isEmpty else {
            throw PyError.valueError("DataCollatorForCompletionOnlyLM: the response template is empty")
        }
        let instruction = try ids("instruction_token_ids")
        if let instruction, instruction.isEmpty {
            throw PyError.valueError("DataCollatorForCompletionOnlyLM: the instruction template is empty")
        }
        return .init(response: response, responseText: try text("response_template"),
                     instruction: instruction, instructionText: try text("instruction_template"))
    }

    /// Masks the trainer's examples as the collator would at each batch; warns as TRL does
    /// (once, with a count, instead of once per row).
    static func mask(_ rt: Interpreter, examples: inout [TokenizedExample], templates: CompletionOnlyTextMatching.Templates,
                     tokenizer: Tokenizer, collator: Value) throws {
        var missing: [(Int, CompletionOnlyMasking.Outcome)] = []
        for i in examples.indices {
            var labels = examples[i].labels ?? examples[i].inputIDs
            let outcome = CompletionOnlyTextMatching.apply(labels: &labels, ids: examples[i].inputIDs,
                                                           length: labels.count, templates: templates, tokenizer: tokenizer)
            if outcome != .masked { missing.append((i, outcome)) }
            examples[i].labels = labels
        }
        if let (row, outcome) = missing.first {
            try warn(rt, outcome: outcome, ids: examples[row].inputIDs, tokenizer: tokenizer, collator: collator,
                     others: missing.count - 1)
        }
    }

    /// `_trl.completion_only_labels(tokenizer, input_ids, attention_mask, collator)`: the labels
    /// tensor for a padded batch.
    static func labels(_ rt: Interpreter, tokenizer: Value, inputIDs: Value, attentionMask: Value, collator: Value) throws -> Value {
        let tok = try rt.engineTokenizer(tokenizer, "tokenizer")
        guard let templates = try templates(rt, collator: collator, tokenizer: tok) else {
            throw PyError.typeError("completion_only_labels needs a DataCollatorForCompletionOnlyLM")
        }
        let (ids, rows, columns) = try rt.intMatrix(inputIDs, "input_ids")
        let mask = attentionMask.isNone ? [Int](repeating: 1, count: ids.count) : try rt.intMatrix(attentionMask, "attention_mask").0
        guard mask.count == ids.count else { throw PyError.valueError("input_ids and attention_mask must have the same shape") }
        let ignore = try rt.toInt(try rt.getAttr(collator, "ignore_index"))
        var out: [Int] = []
        out.reserveCapacity(ids.count)
        for r in 0..<rows {
            let rowIDs = Array(ids[(r * columns)..<((r + 1) * columns)])
            let rowMask = Array(mask[(r * columns)..<((r + 1) * columns)])
            // Right or left padding: the real tokens are the ones the attention mask keeps.
            let real = rowMask.indices.filter { rowMask[$0] != 0 }
            let realIDs = real.map { rowIDs[$0] }
            var labels = realIDs
            let outcome = CompletionOnlyTextMatching.apply(labels: &labels, ids: realIDs, length: realIDs.count,
                                                           templates: templates, tokenizer: tok)
            if outcome != .masked {
                try warn(rt, outcome: outcome, ids: rowIDs, tokenizer: tok, collator: collator, others: 0)
            }
            var row = [Int](repeating: LanguageModelingCollator.ignoreIndex, count: columns)
            for (k, position) in real.enumerated() { row[position] = labels[k] }
            out += row.map { $0 == LanguageModelingCollator.ignoreIndex ? ignore : $0 }
        }
        return .object(PyTensor(int64: out, shape: [rows, columns]))
    }

    static func warn(_ rt: Interpreter, outcome: CompletionOnlyMasking.Outcome, ids: [Int], tokenizer: Tokenizer,
                     collator: Value, others: Int) throws {
        let key = outcome == .instructionTemplateNotFound ? "instruction" : "response"
        let template = try rt.str(try rt.getAttr(collator, "\(key)_template"))
        let text = (try? tokenizer.decode(ids)) ?? ""
        var message = "Could not find \(key) key `\(template)` in the following instance: \(text). This instance will be ignored in loss calculation. Note, if this happens often, consider increasing the `max_length`."
        if others > 0 { message += " (sftnb: \(others) more instance\(others == 1 ? "" : "s") of this data set had the same problem.)" }
        rt.output("sftnb: UserWarning: \(message)\n", .stderr)
    }
}
