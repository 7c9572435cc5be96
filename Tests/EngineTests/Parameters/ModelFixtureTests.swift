import Foundation
import Testing
@testable import Engine

/// The golden fixtures are consistent and readable through the engine's own readers: the
/// model-family parity tests build on them.
@Suite struct ModelFixtureTests {
    @Test(arguments: ModelFixtures.variants)
    func gradientsCoverEveryParameter(variant: String) throws {
        let dir = ModelFixtures.directory(variant)
        let expected = try ModelFixtures.expected(variant)
        let parameters = try #require(expected["parameters"]?.objectValue)
        let grads = try SafetensorsFile(path: dir + "/grads.safetensors")
        #expect(Set(grads.names) == Set(parameters.keys))
        for (name, shape) in parameters.pairs {
            #expect(grads.tensors[name]?.shape == shape.arrayValue?.compactMap(\.intValue), "\(name)")
            #expect(grads.tensors[name]?.dtype == .F32)
        }
        // Gradients are not all zero (the fixture really ran backward).
        let embedding = parameters.keys[0]
        #expect(try grads.floats(embedding).contains { $0 != 0 })
    }

    @Test(arguments: ModelFixtures.variants)
    func lossIsTheShiftedCrossEntropyOfTheLogits(variant: String) throws {
        let dir = ModelFixtures.directory(variant)
        let expected = try ModelFixtures.expected(variant)
        let logitsFile = try SafetensorsFile(path: dir + "/logits.safetensors")
        let shape = try #require(logitsFile.tensors["logits"]?.shape)
        #expect(shape == [2, 12, 96])
        let logits = try logitsFile.floats("logits")
        let labels = try #require(expected["labels"]?.arrayValue).map { $0.arrayValue!.map { $0.intValue! } }
        let mask = try #require(expected["attention_mask"]?.arrayValue).map { $0.arrayValue!.map { $0.intValue! } }
        #expect(mask[0].allSatisfy { $0 == 1 } && mask[1].suffix(3).allSatisfy { $0 == 0 })
        #expect(labels[1].suffix(3).allSatisfy { $0 == -100 })
        // transformers: logits[:, :-1] predict labels[:, 1:], mean over non -100 targets.
        var total = 0.0, count = 0
        let (seq, vocab) = (shape[1], shape[2])
        for b in 0..<2 {
            for t in 0..<(seq - 1) where labels[b][t + 1] != -100 {
                let row = logits[(b * seq + t) * vocab..<(b * seq + t + 1) * vocab].map(Double.init)
                let m = row.max()!
                let logSum = log(row.reduce(0) { $0 + exp($1 - m) }) + m
                total += logSum - row[labels[b][t + 1]]
                count += 1
            }
        }
        let loss = try #require(expected["loss"]?.doubleValue)
        #expect(abs(total / Double(count) - loss) < 1e-5, "\(total / Double(count)) vs \(loss)")
        let losses = try #require(expected["adamw_losses"]?.arrayValue).compactMap(\.doubleValue)
        let wdLosses = try #require(expected["adamw_wd_losses"]?.arrayValue).compactMap(\.doubleValue)
        #expect(losses.count == 10 && wdLosses.count == 10)
        #expect(abs(losses[0] - loss) < 1e-6 && losses[9] < losses[0] && wdLosses[9] != losses[9])
    }
}
