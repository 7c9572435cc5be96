import Foundation

/// What `model.generate(...)` takes.
public struct GenerationOptions: Equatable, Sendable {
    public var maxNewTokens: Int
    public var doSample: Bool
    public var sampling: SamplingOptions
    /// Generation stops for a row at any of these ids.
    public var eosTokenIDs: [Int]
    /// Written after a row has finished; defaults to the first EOS id (as HF warns and does).
    public var padTokenID: Int?
    public var seed: UInt64

    public init(maxNewTokens: Int = 20, doSample: Bool = false, sampling: SamplingOptions = SamplingOptions(),
                eosTokenIDs: [Int] = [], padTokenID: Int? = nil, seed: UInt64 = 0) {
        self.maxNewTokens = maxNewTokens; self.doSample = doSample; self.sampling = sampling
        self.eosTokenIDs = eosTokenIDs; self.padTokenID = padTokenID; self.seed = seed
    }

    /// Options from a generation_config.json (max_new_tokens, do_sample, temperature, top_k,
    /// top_p, eos/pad ids).
    public init(_ config: GenerationConfig) {
        self.init(maxNewTokens: config.maxNewTokens ?? 20, doSample: config.doSample,
                  sampling: SamplingOptions(temperature: Float(config.temperature), topK: config.topK, topP: Float(config.topP)),
                  eosTokenIDs: config.eosTokenIds, padTokenID: config.padTokenId)
    }
}

extension CausalLM {
    /// `generate` for prompts of any lengths: left-pads them with the pad id (as a tokenizer
    /// with `padding_side="left"`) and returns each row's NEW tokens only (up to and including
    /// its EOS; the padding after a finished row is dropped).
    public func generate(prompts: [[Int]], options: GenerationOptions) throws -> [[Int]] {
        let width = prompts.map(\.count).max() ?? 0
        let pad = options.padTokenID ?? options.eosTokenIDs.first ?? 0
        let ids = prompts.map { [Int](repeating: pad, count: width - $0.count) + $0 }
        let mask = prompts.map { [Int](repeating: 0, count: width - $0.count) + [Int](repeating: 1, count: $0.count) }
        let out = try generate(inputIDs: ids, attentionMask: mask, options: options)
        return out.map { row in
            var new: [Int] = []
            for token in row.dropFirst(width) {
                new.append(token)
                if options.eosTokenIDs.contains(token) { break }
            }
            return new
        }
    }

    /// Continues each row of `inputIDs` (equal-length rows, LEFT padded as a tokenizer with
    /// `padding_side="left"` returns them; `attentionMask` 0 at pads, nil = all 1) like
    /// transformers' `generate`: positions counted over unmasked tokens, greedy or sampled next
    /// tokens, rows that produced an EOS id continue with the pad id, and generation ends when
    /// every row has finished or after `maxNewTokens`. Returns the prompts plus new tokens.
    public func generate(inputIDs: [[Int]], attentionMask: [[Int]]? = nil, options: GenerationOptions) throws -> [[Int]] {
        let rows = inputIDs.count
        guard rows > 0, let width = inputIDs.first?.count, width > 0 else {
            throw KernelError("generate: give at least one non-empty prompt")
        }
        guard inputIDs.allSatisfy({ $0.count == width }) else {
            throw KernelError("generate: prompts have different lengths; pad them on the left (tokenizer.padding_side = \"left\") and pass the attention mask")
        }
        var mask = attentionMask ?? inputIDs.map { [Int](repeating: 1, count: $0.count) }
        guard mask.count == rows, zip(mask, inputIDs).allSatisfy({ $0.count == $1.count }) else {
            throw KernelError("generate: attention_mask must have the same shape as input_ids")
        }
        guard options.maxNewTokens >= 0 else { throw KernelError("generate: max_new_tokens must be ≥ 0") }
        let pad = options.padTokenID ?? options.eosTokenIDs.first ?? 0
        let wasTraining = training
        training = false
        defer { training = wasTraining }
        var sequences = inputIDs
        var finished = [Bool](repeating: false, count: rows)
        var rng = Philox(seed: options.seed)
        let cache = try KVCache(model: self, rows: rows, capacity: width + options.maxNewTokens)
        var pending = sequences            // tokens not yet in the cache, per row
        var pendingMask = mask
        for _ in 0..<options.maxNewTokens {
            let logits = try cache.step(tokens: pending, mask: pendingMask, fullMask: mask)
            let v = decoder.spec.vocabSize
            var next = [Int](repeating: pad, count: rows)
            for r in 0..<rows where !finished[r] {
                var row = Array(logits[(r * v)..<((r + 1) * v)])
                if options.doSample {
                    options.sampling.warp(&row)
                    next[r] = SamplingOptions.sample(row, rng: &rng)
                } else {
                    next[r] = SamplingOptions.argmax(row)
                }
            }
            for r in 0..<rows {
                sequences[r].append(next[r])
                mask[r].append(1)
                if options.eosTokenIDs.contains(next[r]) { finished[r] = true }
            }
            pending = next.map { [$0] }
            pendingMask = [[Int]](repeating: [1], count: rows)
            if finished.allSatisfy({ $0 }) { break }
        }
        return sequences
    }
}
