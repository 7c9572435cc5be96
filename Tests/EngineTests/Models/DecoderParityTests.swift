import Foundation
import Testing
@testable import Engine

/// The decoder against transformers (tools/gen_model_fixtures.py): logits, loss, the gradient
/// of every parameter, and 10 AdamW steps with and without weight decay, for every family.
@Suite struct DecoderParityTests {
    @Test(arguments: MT.variants)
    func logitsLossAndGradients(variant: String) throws {
        let dir = try MT.directory(variant)
        let e = try MT.expected(variant)
        let model = try CausalLM.load(directory: dir)
        let batch = try MT.batch(e)
        model.training = true

        let logits = try model.logits(batch)
        let reference = try SafetensorsFile(path: dir + "/logits.safetensors").floats("logits")
        #expect(logits.count == reference.count)
        let logitErr = MT.relativeError(logits, reference)
        #expect(logitErr < 1e-5, "\(variant) logits relative error \(logitErr)")
        #expect(MT.maxAbs(logits, reference) < 1e-4, "\(variant) logits max abs error \(MT.maxAbs(logits, reference))")

        model.store.zeroGradients()
        let result = try model.lossAndGradients(batch)
        let loss = try #require((e["loss"] as? NSNumber)?.doubleValue)
        #expect(abs(result.meanLoss - loss) / loss < 1e-5, "\(variant) loss \(result.meanLoss) vs \(loss)")
        #expect(result.count == batch.targetCount)

        let grads = try SafetensorsFile(path: dir + "/grads.safetensors")
        let names = try #require(e["parameters"] as? [String: Any]).keys.sorted()
        #expect(names.count == model.store.views.count)
        // The scale of the whole gradient: tensors whose true gradient is 0 (k_proj.bias: a
        // key bias shifts every score of a row equally, which softmax ignores) hold only
        // rounding noise in both implementations and are compared absolutely against it.
        let globalMax = try names.map { try grads.floats($0).map(abs).max() ?? 0 }.max() ?? 0
        var worst = 0.0
        for name in names {
            let view = try model.store.requireView(name)
            let g = try #require(model.store.gradient(view), "\(name) has no gradient")
            let mine = Array(g), ref = try grads.floats(name)
            let scale = ref.map(abs).max() ?? 0
            if scale < 1e-5 * globalMax {
                #expect(MT.maxAbs(mine, ref) < 1e-5 * globalMax, "\(variant) \(name): should be ~0, max abs \(MT.maxAbs(mine, ref))")
                continue
            }
            let err = MT.relativeError(mine, ref)
            worst = max(worst, err)
            #expect(err < 1e-4, "\(variant) \(name): gradient relative error \(err)")
            #expect(MT.maxAbs(mine, ref) <= 1e-4 * scale + 1e-7, "\(variant) \(name): max abs error \(MT.maxAbs(mine, ref))")
        }
        print("parity \(variant): logits rel \(logitErr), loss \(result.meanLoss) vs \(loss), worst grad rel \(worst)")
    }

    @Test(arguments: MT.variants)
    func adamWTrajectories(variant: String) throws {
        let dir = try MT.directory(variant)
        let e = try MT.expected(variant)
        let batch = try MT.batch(e)
        let lr = try #require((e["adamw_lr"] as? NSNumber)?.doubleValue)
        for (key, wd) in [("adamw_losses", 0.0), ("adamw_wd_losses", try #require((e["adamw_weight_decay"] as? NSNumber)?.doubleValue))] {
            let expected = try MT.doubles(e[key])
            let model = try CausalLM.load(directory: dir)
            model.training = true
            let flat = model.trainableParameters()
            var opt = try AdamW(count: flat.values.count, groups: model.adamWGroups(), weightDecay: wd)
            if wd > 0 {
                // HF lists tied aliases (lm_head.weight) too; they are the embedding's view here.
                let decayed = Set(try #require(e["decay_parameter_names"] as? [String]).compactMap { model.store.view($0)?.name })
                let mine = Set(model.store.views.filter { view in
                    opt.groups.contains { $0.decay && $0.range.lowerBound == (model.store.gradient(view)!.baseAddress! - flat.gradients.baseAddress!) }
                }.map(\.name))
                #expect(mine == decayed, "\(variant): decay parameter names differ from HF's")
            }
            var losses: [Double] = []
            for _ in 0..<10 {
                model.store.zeroGradients()
                losses.append(try model.lossAndGradients(batch).meanLoss)
                opt.update(params: flat.values.baseAddress!, grads: flat.gradients.baseAddress!, lr: lr)
            }
            for (i, (a, b)) in zip(losses, expected).enumerated() {
                #expect(abs(a - b) / b < 2e-4, "\(variant) \(key) step \(i): \(a) vs \(b)")
            }
        }
    }
}
