import Foundation
import Testing
@testable import Engine

@Suite struct AdamWTests {
    /// Three steps of torch.optim.AdamW (fused and for-loop), one decay and one no-decay group.
    @Test(arguments: [0, 1])
    func matchesTorchTrajectory(runIndex: Int) throws {
        let runs = try #require(try KT.fixture("adamw")["runs"] as? [[String: Any]])
        let run = runs[runIndex]
        let count = try #require((run["count"] as? NSNumber)?.intValue)
        let decayCount = try #require((run["decayCount"] as? NSNumber)?.intValue)
        let wd = try #require((run["weightDecay"] as? NSNumber)?.doubleValue)
        var opt = try AdamW(count: count, groups: [.init(range: 0..<decayCount, decay: true),
                                                   .init(range: decayCount..<count, decay: false)],
                            weightDecay: wd)
        var params = try KT.floats(run["start"])
        for step in try #require(run["steps"] as? [[String: Any]]) {
            let lr = try #require((step["lr"] as? NSNumber)?.doubleValue)
            opt.update(params: &params, grads: try KT.floats(step["grads"]), lr: lr)
            KT.expectClose(params, try KT.floats(step["params"]), rtol: 1e-6, atol: 1e-7, "params (fused: \(run["fused"] ?? ""))")
            KT.expectClose(opt.m, try KT.floats(step["m"]), rtol: 1e-6, atol: 1e-9, "exp_avg")
            KT.expectClose(opt.v, try KT.floats(step["v"]), rtol: 1e-6, atol: 1e-12, "exp_avg_sq")
        }
        #expect(opt.step == 3)
    }

    @Test func decayExclusionsFollowHFTrainer() {
        #expect(AdamW.decays(parameterName: "transformer.h.0.attn.c_attn.weight", inLayerNormModule: false))
        #expect(!AdamW.decays(parameterName: "transformer.h.0.attn.c_attn.bias", inLayerNormModule: false))
        #expect(!AdamW.decays(parameterName: "transformer.h.0.ln_1.weight", inLayerNormModule: true))
        #expect(!AdamW.decays(parameterName: "model.layers.0.input_layernorm.weight", inLayerNormModule: false))
        #expect(!AdamW.decays(parameterName: "model.norm.weight", inLayerNormModule: false))
        #expect(!AdamW.decays(parameterName: "model.decoder.layers.0.final_layer_norm.weight", inLayerNormModule: false))
        #expect(AdamW.decays(parameterName: "model.normalizer.weight", inLayerNormModule: false))
        #expect(AdamW.decays(parameterName: "model.embed_tokens.weight", inLayerNormModule: false))
    }

    @Test func groupOutsideBufferThrows() {
        #expect(throws: KernelError.self) { try AdamW(count: 4, groups: [.init(range: 0..<5, decay: true)]) }
    }
}
