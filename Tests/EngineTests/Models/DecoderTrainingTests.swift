import Foundation
import Testing
@testable import Engine

/// Training-mode behaviour beyond the HF fixtures: dropout gradients (finite differences with
/// replayed masks), packed rows equal separate rows, NEFTune only in training, gradScale.
@Suite struct DecoderTrainingTests {
    /// A copy of a fixture model with every dropout rate set to `p`.
    static func withDropout(_ variant: String, _ p: Float) throws -> CausalLM {
        let model = try CausalLM.load(directory: try MT.directory(variant))
        var spec = model.decoder.spec
        spec.dropout = DropoutRates(embedding: p, attention: p, residual: p, activation: p)
        model.decoder = try TransformerDecoder(spec: spec, store: model.store)
        model.training = true
        return model
    }

    @Test(arguments: ["gpt2", "opt-350m-style"])
    func dropoutGradientsMatchFiniteDifferences(variant: String) throws {
        let model = try Self.withDropout(variant, 0.2)
        let batch = try MT.batch(try MT.expected(variant))
        func loss() throws -> Double {
            model.decoder.rng = Philox(seed: 99)
            return try model.evaluate(batch).meanLoss
        }
        model.decoder.rng = Philox(seed: 99)
        model.zeroGradients()
        let withMasks = try model.lossAndGradients(batch).meanLoss
        #expect(abs(withMasks - (try loss())) < 1e-9, "same seed, same masks")
        model.decoder.rng = Philox(seed: 5)
        #expect(abs(try model.evaluate(batch).meanLoss - withMasks) > 1e-4, "another seed drops other elements")
        let names = model.decoder.spec.layers[0].linears.map(\.weight) + [model.decoder.spec.tokenEmbedding]
        for name in names {
            let view = try model.store.requireView(name)
            let grad = Array(model.store.gradient(view)!)
            let values = model.store.floats(view)!
            let index = grad.indices.max { abs(grad[$0]) < abs(grad[$1]) }!
            let original = values[index], h: Float = 2e-3
            values[index] = original + h
            let up = try loss()
            values[index] = original - h
            let down = try loss()
            values[index] = original
            let numeric = (up - down) / Double(2 * h)
            #expect(abs(numeric - Double(grad[index])) < 2e-3 * max(abs(numeric), 1e-2),
                    "\(variant) \(name)[\(index)]: analytic \(grad[index]) vs numeric \(numeric)")
        }
    }

    @Test(arguments: ["gpt2", "llama", "opt"])
    func packedRowEqualsSeparateRows(variant: String) throws {
        let model = try CausalLM.load(directory: try MT.directory(variant))
        let a = [5, 17, 33, 8, 61, 12, 40], b = [9, 70, 3, 44, 21]
        let packed = LanguageModelingCollator(padTokenID: 0, paddingFree: true)
            .collate([TokenizedExample(inputIDs: a + b, sequenceLengths: [a.count, b.count])])
        let separate = LanguageModelingCollator(padTokenID: 0)
            .collate([TokenizedExample(inputIDs: a), TokenizedExample(inputIDs: b)])
        model.training = true
        model.zeroGradients()
        let p = try model.lossAndGradients(packed, gradScale: 1)
        let table = try model.store.requireView(model.decoder.spec.tokenEmbedding)
        let gPacked = Array(model.store.gradient(table)!)
        model.zeroGradients()
        let s = try model.lossAndGradients(separate, gradScale: 1)
        let gSeparate = Array(model.store.gradient(table)!)
        #expect(p.count == s.count)
        #expect(abs(p.lossSum - s.lossSum) / s.lossSum < 1e-5, "\(variant): packed \(p.lossSum) vs separate \(s.lossSum)")
        #expect(MT.relativeError(gPacked, gSeparate) < 1e-4)
    }

    @Test func neftuneNoiseOnlyInTraining() throws {
        let model = try CausalLM.load(directory: try MT.directory("llama"))
        let batch = try MT.batch(try MT.expected("llama"))
        let clean = try model.evaluate(batch).lossSum
        model.neftuneAlpha = 5
        #expect(try model.evaluate(batch).lossSum == clean, "eval mode: no noise")
        model.training = true
        #expect(try model.evaluate(batch).lossSum != clean)
    }

    @Test func gradScaleScalesGradients() throws {
        let model = try CausalLM.load(directory: try MT.directory("gpt2"))
        let batch = try MT.batch(try MT.expected("gpt2"))
        let view = try model.store.requireView("transformer.h.1.mlp.c_fc.weight")
        model.zeroGradients()
        let r = try model.lossAndGradients(batch)
        let mean = Array(model.store.gradient(view)!)
        model.zeroGradients()
        _ = try model.lossAndGradients(batch, gradScale: 0.5 / Float(r.count))
        let half = Array(model.store.gradient(view)!)
        #expect(MT.relativeError(half.map { $0 * 2 }, mean) < 1e-6)
    }
}
