import Foundation

/// Full training steps (forward + backward + AdamW) on a randomly initialised GPT-2 at fixed
/// shapes, for comparing the engine with PyTorch's float32 training throughput.
public enum EngineBenchmark {
    public enum Config: String, CaseIterable, Sendable {
        /// 4 layers, 256 wide, 4 heads, vocab 4096, seq 256, batch 8.
        case tiny
        /// 6 layers, 512 wide, 8 heads, vocab 8192, seq 512, batch 4.
        case small
        /// GPT-2 124M: 12 layers, 768 wide, 12 heads, vocab 50257, seq 64, batch 4.
        case gpt2_124m

        /// Training FLOPs per token as PaLM's MFU counts them (appendix B): 6 per weight of every
        /// matrix product (forward 2, backward 4 — the 12·d² weights of each layer's attention
        /// and MLP and the V·d LM head), plus 12·L·T·d for the attention scores and weighted
        /// values over all T keys (the causal half is not discounted, so figures compare with
        /// PaLM's and llm.c's). Embedding lookups, norms and softmax are not counted.
        public var modelFlopsPerToken: Double {
            let s = shape
            let d = Double(s.width), l = Double(s.layers)
            let weights = l * 12 * d * d + Double(s.vocab) * d
            return 6 * weights + 12 * l * Double(s.seq) * d
        }

        /// (layers, width, heads, vocab, seq, batch)
        public var shape: (layers: Int, width: Int, heads: Int, vocab: Int, seq: Int, batch: Int) {
            switch self {
            case .tiny: return (4, 256, 4, 4096, 256, 8)
            case .small: return (6, 512, 8, 8192, 512, 4)
            case .gpt2_124m: return (12, 768, 12, 50257, 64, 4)
            }
        }
    }

    public struct Result: Sendable {
        public var tokensPerSecond: Double
        public var msPerStep: Double
        public var peakRSSBytes: Int
        /// Model FLOPs of one training step (`Config.modelFlopsPerToken` × tokens).
        public var modelFlopsPerStep: Double
        /// Model FLOPs per second: what the step's arithmetic would need, over the measured time.
        public var achievedGFLOPS: Double { modelFlopsPerStep / msPerStep * 1e3 / 1e9 }
    }

    /// Times `steps` training steps after `warmup` untimed ones.
    public static func run(config: Config, steps: Int = 5, warmup: Int = 1) throws -> Result {
        let s = config.shape
        let object = JSONObject([
            ("model_type", .string("gpt2")), ("n_layer", .int(Int64(s.layers))), ("n_embd", .int(Int64(s.width))),
            ("n_head", .int(Int64(s.heads))), ("vocab_size", .int(Int64(s.vocab))), ("n_positions", .int(Int64(max(s.seq, 1024)))),
            ("resid_pdrop", .double(0)), ("embd_pdrop", .double(0)), ("attn_pdrop", .double(0)),
        ])
        let model = try CausalLM(config: ModelConfig(object, source: "EngineBenchmark.\(config.rawValue)"), seed: 1)
        model.training = true
        let flat = model.trainableParameters()
        var optimizer = try AdamW(count: flat.values.count, groups: model.adamWGroups(), weightDecay: 0.01)
        var rng = Philox(seed: 7)
        let n = s.batch * s.seq
        var ids = [Int](repeating: 0, count: n)
        for i in 0..<n { ids[i] = Int(rng.nextUInt32() % UInt32(s.vocab)) }
        let batch = TokenBatch(rows: s.batch, columns: s.seq, inputIDs: ids, labels: ids,
                               attentionMask: [Int](repeating: 1, count: n),
                               positionIDs: (0..<n).map { $0 % s.seq }, documentIDs: nil)
        func step() throws {
            model.store.zeroGradients()
            _ = try model.lossAndGradients(batch)
            optimizer.update(params: flat.values.baseAddress!, grads: flat.gradients.baseAddress!, lr: 1e-4)
        }
        for _ in 0..<warmup { try step() }
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<steps { try step() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(tokensPerSecond: Double(n * steps) / seconds, msPerStep: seconds * 1000 / Double(steps),
                      peakRSSBytes: peakRSS(), modelFlopsPerStep: config.modelFlopsPerToken * Double(n))
    }

    /// Peak resident set size (VmHWM on Linux), 0 when unknown.
    static func peakRSS() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Int($0) }
            return (digits.first ?? 0) * 1024
        }
        return 0
    }
}
