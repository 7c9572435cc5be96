import Engine
import Foundation

/// `SFTTrainer._prepare_dataset`: a user's `Dataset` (text, prompt/completion, messages or
/// token ids; optionally through a `formatting_func`) → a `Dataset` of `input_ids` plus
/// `completion_mask` (1 = a token the loss learns) and, for bfd packing, `seq_lengths`.
/// The tokenizing, truncation and packing are the engine's `SFTDataPreparation`.
enum SFTDatasetBinding {
    static func prepare(_ rt: Interpreter, dataset: Value, tokenizer: Value, args: Value, packing: Value,
                        formattingFunc: Value, collator: Value, name: String) throws -> Value {
        guard case .object(let o) = dataset, let py = o as? PyDataset else {
            throw PyError.typeError("`\(name)_dataset` must be a `Dataset` or `IterableDataset`, got `\(pyTypeName(dataset))`.")
        }
        let tok = try rt.engineTokenizer(tokenizer, "processing_class")
        let reader = ArgsReader(rt: rt, args: args)
        var options = SFTDataPreparation.Options()
        options.textField = try reader.string("dataset_text_field")
        options.maxLength = try reader.optionalInt("max_length")
        options.truncationMode = try reader.string("truncation_mode")
        options.packing = try rt.truthy(packing)
        if options.packing { options.packingStrategy = try packingStrategy(try reader.string("packing_strategy")) }
        let completionOnly = try reader.value("completion_only_loss")
        options.completionOnlyLoss = completionOnly.isNone ? nil : try rt.truthy(completionOnly)
        options.assistantOnlyLoss = try reader.bool("assistant_only_loss")
        options.shuffleDataset = try reader.bool("shuffle_dataset")
        options.seed = try reader.int("seed")

        var rows = try rt.datasets { try (0..<py.dataset.numRows).map { try py.dataset.row($0) } }
        var texts: [String]?
        if !formattingFunc.isNone {
            texts = try formatted(rt, rows: rows, function: formattingFunc)
            rows = (texts ?? []).map { DataDict([("text", .string($0))]) }
            options.textField = "text"
        }
        let bar = ProgressBar("Tokenizing \(name) dataset", total: rows.count, unit: " examples") { rt.output($0, .stderr) }
        var result: SFTDataPreparation.Result
        do {
            result = try SFTDataPreparation.prepare(rows: rows, tokenizer: tok, options: options)
        } catch let e as SFTDataPreparation.PreparationError {
            throw PyError.valueError("\(name) dataset: \(e.description)")
        } catch let e as TemplateError {
            throw PyError.valueError("\(name) dataset: chat template: \(e)")
        }
        bar.update(rows.count)
        bar.finish()
        if let templates = try CompletionOnlyBinding.templates(rt, collator: collator, tokenizer: tok) {
            try CompletionOnlyBinding.mask(rt, examples: &result.examples, templates: templates, tokenizer: tok, collator: collator)
        }
        if result.truncatedTokens > 0 || result.droppedRows > 0 {
            var note = "sftnb: \(name) dataset: "
            note += options.packing ? "packing to max_length=\(options.maxLength ?? 0)" : "truncation to max_length=\(options.maxLength ?? 0)"
            note += " dropped \(result.truncatedTokens) token\(result.truncatedTokens == 1 ? "" : "s")"
            if result.droppedRows > 0 {
                note += "; \(result.droppedRows) row\(result.droppedRows == 1 ? "" : "s") left with no token to learn were removed"
            }
            rt.output(note + "\n", .stderr)
        }
        return PyDataset.wrap(try rt.datasets {
            try datasetOf(result.examples, source: py.dataset, texts: texts, sourceRows: result.sourceRows,
                          format: result.format, textField: options.textField, eos: tok.config.eosToken)
        })
    }

    /// TRL's `pack_dataset` check; `bfd_split` is a real strategy sftnb has not built.
    static func packingStrategy(_ name: String) throws -> Packing.Strategy {
        if let s = Packing.Strategy(rawValue: name) { return s }
        if name == "bfd_split" { throw PyError.notImplemented("packing_strategy='bfd_split' (sftnb packs with 'bfd' or 'wrapped')") }
        throw PyError.valueError("Invalid packing strategy '\(name)', must be one of ('bfd', 'bfd_split', 'wrapped').")
    }

    /// `formatting_func` applied to every row. Today's TRL calls it per example and wants a
    /// `str`; 2024 TRL called it on batches and wanted a `list[str]`. sftnb tries the
    /// per-example form first and switches to batches when the function answers with a list
    /// (or fails on a single example but works on a batch).
    static func formatted(_ rt: Interpreter, rows: [DataDict], function: Value) throws -> [String] {
        guard let first = rows.first else { return [] }
        let single: Value
        do {
            single = try rt.call(function, [.object(rt.pyDict(first))])
        } catch let error as PyError {
            if let texts = try? batched(rt, rows: Array(rows.prefix(1)), function: function), texts.count == 1 {
                return try batched(rt, rows: rows, function: function)
            }
            throw error
        }
        if case .object(let o) = single, o is PyList {
            return try batched(rt, rows: rows, function: function)
        }
        var texts: [String] = []
        texts.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() {
            let v = i == 0 ? single : try rt.call(function, [.object(rt.pyDict(row))])
            guard case .object(let s) = v, let str = s as? PyStr else {
                throw PyError.typeError("formatting_func must return a str for one example (or a list of str for a batch), but it returned '\(pyTypeName(v))' for row \(i)")
            }
            texts.append(str.value)
        }
        return texts
    }

    /// The 2024 form: the function gets `{column: [values...]}` for up to 1000 rows (datasets'
    /// default `map` batch size) and returns one string per row.
    static func batched(_ rt: Interpreter, rows: [DataDict], function: Value) throws -> [String] {
        var texts: [String] = []
        for start in stride(from: 0, to: rows.count, by: 1000) {
            let chunk = rows[start..<min(start + 1000, rows.count)]
            let batch = PyDict()
            for key in chunk.first?.keys ?? [] {
                batch.setString(key, .object(PyList(chunk.map { rt.value($0[key] ?? .null) })))
            }
            let result = try rt.call(function, [.object(batch)])
            guard case .object(let o) = result, let list = o as? PyList else {
                throw PyError.typeError("formatting_func returned '\(pyTypeName(result))' for a batch; it must return a str per example or a list of str per batch")
            }
            guard list.items.count == chunk.count else {
                throw PyError.valueError("formatting_func returned \(list.items.count) texts for a batch of \(chunk.count) examples; it must return one text per example")
            }
            for item in list.items {
                guard case .object(let s) = item, let str = s as? PyStr else {
                    throw PyError.typeError("formatting_func must return a list of str, but the list holds '\(pyTypeName(item))'")
                }
                texts.append(str.value)
            }
        }
        return texts
    }

    /// Prepared examples as TRL 1.x leaves them: the source columns (plus `text` from a
    /// formatting function) of the rows kept, then `input_ids` and `labels` (-100 where the
    /// loss does not learn); packed rows have only `input_ids`, `labels` and, for bfd, `seq_lengths`.
    static func datasetOf(_ examples: [TokenizedExample], source: Engine.Dataset, texts: [String]?,
                          sourceRows: [Int]?, format: SFTDataPreparation.Format, textField: String,
                          eos: String?) throws -> Engine.Dataset {
        func ints(_ xs: [Int]) -> DataValue { .list(xs.map { .int(Int64($0)) }) }
        /// TRL appends EOS to the text (or completion) column itself, so the data set shows it.
        func withEOS(_ name: String, _ d: Engine.Dataset, values: [DataValue]? = nil) throws -> Engine.Dataset {
            guard let eos, d.columnNames.contains(name) || values != nil else { return d }
            let column = try values ?? d.column(name)
            let updated = column.map { v -> DataValue in
                if case .string(let s) = v, !s.hasSuffix(eos) { return .string(s + eos) }
                return v
            }
            let positioned = d.columnNames.contains(name) ? try d.removeColumns([name]) : d
            guard let index = d.columnNames.firstIndex(of: name) else { return try positioned.addColumn(name, updated) }
            return try positioned.addColumn(name, updated).selectColumns(
                Array(d.columnNames[..<index]) + [name] + Array(d.columnNames[(index + 1)...]))
        }
        var d: Engine.Dataset
        if let sourceRows {
            d = try source.select(sourceRows)
            if let texts {
                d = try withEOS("text", d, values: sourceRows.map { DataValue.string(texts[$0]) })
            } else if format == .text {
                d = try withEOS(textField, d)
            } else if format == .promptCompletion {
                d = try withEOS("completion", d)
            }
            d = try d.addColumn("input_ids", examples.map { ints($0.inputIDs) })
        } else {
            d = try Engine.Dataset.fromDict(DataDict([("input_ids", DataValue.list(examples.map { ints($0.inputIDs) }))]))
        }
        d = try d.addColumn("labels", examples.map { ints($0.labels ?? $0.inputIDs) })
        if examples.contains(where: { $0.sequenceLengths != nil }) {
            d = try d.addColumn("seq_lengths", examples.map { ints($0.sequenceLengths ?? [$0.inputIDs.count]) })
        }
        return d
    }

    /// The training examples of a prepared (or already tokenized) data set.
    static func examples(_ rt: Interpreter, _ dataset: Value, what: String) throws -> [TokenizedExample] {
        guard case .object(let o) = dataset, let py = o as? PyDataset else {
            throw PyError.typeError("\(what) must be a `Dataset`, got `\(pyTypeName(dataset))`.")
        }
        let d = py.dataset
        guard d.columnNames.contains("input_ids") else {
            throw PyError.valueError("\(what) has no 'input_ids' column (columns: \(d.columnNames)); with dataset_kwargs={'skip_prepare_dataset': True} the data set must already be tokenized")
        }
        func intLists(_ name: String) throws -> [[Int]]? {
            guard d.columnNames.contains(name) else { return nil }
            return try rt.datasets { try d.column(name) }.enumerated().map { i, v in
                guard case .list(let items) = v else { throw PyError.valueError("\(what): row \(i) of '\(name)' is not a list of ints") }
                return try items.map { item in
                    guard case .int(let x) = item else { throw PyError.valueError("\(what): row \(i) of '\(name)' holds a \(item.pythonTypeName), not an int") }
                    return Int(x)
                }
            }
        }
        let ids = try intLists("input_ids") ?? []
        let labels = try intLists("labels")
        let masks = try intLists("completion_mask")
        let lengths = try intLists("seq_lengths")
        return try ids.enumerated().map { i, row in
            var example = TokenizedExample(inputIDs: row)
            if let labels {
                guard labels[i].count == row.count else { throw PyError.valueError("\(what): row \(i) has \(row.count) input_ids but \(labels[i].count) labels") }
                example.labels = labels[i]
            } else if let masks {
                guard masks[i].count == row.count else { throw PyError.valueError("\(what): row \(i) has \(row.count) input_ids but \(masks[i].count) completion_mask values") }
                example.labels = zip(row, masks[i]).map { $1 == 0 ? LanguageModelingCollator.ignoreIndex : $0 }
            }
            if let lengths {
                guard lengths[i].reduce(0, +) == row.count else { throw PyError.valueError("\(what): row \(i): seq_lengths do not add up to its \(row.count) tokens") }
                example.sequenceLengths = lengths[i]
            }
            return example
        }
    }
}
