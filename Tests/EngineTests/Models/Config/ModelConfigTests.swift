import Foundation
import Testing
@testable import Engine

@Suite struct ModelConfigTests {
    @Test(arguments: ModelFixtures.variants)
    func savedTextIsWhatTransformersWrote(variant: String) throws {
        let path = ModelFixtures.directory(variant) + "/config.json"
        let config = try ModelConfig.load(path: path)
        #expect(config.jsonText() == (try ModelFixtures.text(path)))
        let generation = try GenerationConfig.load(path: ModelFixtures.directory(variant) + "/generation_config.json")
        #expect(GenerationConfig(fromModel: config).jsonText() == (try ModelFixtures.text(ModelFixtures.directory(variant) + "/generation_config.json")))
        #expect(generation.eosTokenIds == [2])
        #expect(generation.padTokenId == 0)
        #expect(generation.maxLength == 20)
    }

    @Test(arguments: ModelFixtures.configFamilies)
    func hubStyleConfigsRoundTripLikeTransformers5(family: String) throws {
        let dir = ModelFixtures.root + "/config_roundtrip/" + family
        let config = try ModelConfig.load(path: dir)
        let expected = try ModelFixtures.text(dir + "/saved.json")
        #expect(config.jsonText() == expected)
        #expect(config.modelType == family)
        // Saving writes the file atomically.
        let out = ModelFixtures.temporaryDirectory() + "/config.json"
        try config.save(to: out)
        #expect(try ModelFixtures.text(out) == expected)
    }

    @Test func fieldsOfTheFixtures() throws {
        guard case let .gpt2(gpt2) = try ModelConfig.load(path: ModelFixtures.directory("gpt2")) else {
            Issue.record("gpt2 fixture is not a GPT2Config"); return
        }
        #expect(gpt2.nEmbd == 16 && gpt2.nLayer == 2 && gpt2.nHead == 2 && gpt2.innerDim == 64)
        #expect(gpt2.vocabSize == 96 && gpt2.nPositions == 32 && gpt2.tieWordEmbeddings)
        #expect(gpt2.layerNormEpsilon == 1e-5 && gpt2.residPdrop == 0 && gpt2.activationFunction == "gelu_new")
        #expect(gpt2.dtype == .F32 && gpt2.padTokenId == 0 && gpt2.eosTokenId == .one(2))

        guard case let .opt(opt) = try ModelConfig.load(path: ModelFixtures.directory("opt-350m-style")) else {
            Issue.record("not OPT"); return
        }
        #expect(!opt.doLayerNormBefore && opt.wordEmbedProjDim == 8 && opt.projectsEmbeddings && opt.ffnDim == 32)
        #expect(opt.activationFunction == "relu" && opt.enableBias)

        guard case let .gptNeo(neo) = try ModelConfig.load(path: ModelFixtures.directory("gpt_neo")) else {
            Issue.record("not GPT-Neo"); return
        }
        #expect(neo.attentionLayers == [.global, .local] && neo.windowSize == 4 && neo.innerDim == 64)

        guard case let .llama(llama) = try ModelConfig.load(path: ModelFixtures.directory("llama")) else {
            Issue.record("not Llama"); return
        }
        #expect(llama.numAttentionHeads == 4 && llama.numKeyValueHeads == 2 && llama.headDim == 4 && llama.groupSize == 2)
        #expect(!llama.tieWordEmbeddings && llama.ropeTheta == 10000 && llama.rmsNormEps == 1e-6)
        let tied = try ModelConfig.load(path: ModelFixtures.directory("llama-tied"))
        #expect(tied.tieWordEmbeddings && tied.numKeyValueHeads == 2)

        let smol = try ModelConfig.load(path: ModelFixtures.root + "/config_roundtrip/llama")
        guard case let .llama(s) = smol else { Issue.record("not Llama"); return }
        #expect(s.ropeTheta == 100000 && s.dtype == .BF16 && s.headDim == 64 && s.raw["custom_note"] == .string("café ☃"))
    }

    @Test func transformersDefaults() throws {
        let gpt2 = GPT2Config.defaults()
        #expect(gpt2.vocabSize == 50257 && gpt2.nPositions == 1024 && gpt2.nEmbd == 768 && gpt2.nInner == nil)
        let opt = OPTConfig.defaults()
        #expect(opt.vocabSize == 50272 && opt.padTokenId == 1 && opt.dropout == 0.1 && opt.wordEmbedProjDim == 768)
        let neo = GPTNeoConfig.defaults()
        #expect(neo.attentionLayers.count == 24 && neo.windowSize == 256 && neo.numHeads == 16)
        let llama = LlamaConfig.defaults()
        #expect(llama.numKeyValueHeads == 32 && llama.headDim == 128 && llama.rmsNormEps == 1e-6 && !llama.tieWordEmbeddings)
    }

    func error(_ json: String) -> String {
        do {
            let object = try JSONValue.parse(json).objectValue!
            _ = try ModelConfig(object, source: "dir/config.json")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func clearErrors() throws {
        var m = error(#"{"n_embd": 16}"#)
        #expect(m.contains("dir/config.json") && m.contains("missing required field 'model_type'"), "\(m)")
        m = error(#"{"model_type": "bert"}"#)
        #expect(m.contains("model_type 'bert' is not supported") && m.contains("gpt2, opt, gpt_neo, llama"), "\(m)")
        m = error(#"{"model_type": "gpt2", "n_embd": "big"}"#)
        #expect(m.contains("field 'n_embd' must be an integer, found string \"big\""), "\(m)")
        m = error(#"{"model_type": "llama", "rope_scaling": {"type": "linear", "factor": 2.0}}"#)
        #expect(m.contains("not implemented") && m.contains("rope_scaling of type 'linear'"), "\(m)")
        m = error(#"{"model_type": "llama", "rope_parameters": {"rope_type": "yarn", "rope_theta": 1.0}}"#)
        #expect(m.contains("not implemented") && m.contains("'yarn'"), "\(m)")
        m = error(#"{"model_type": "gpt_neo", "num_layers": 3, "attention_types": [[["global", "local"], 1]]}"#)
        #expect(m.contains("attention_types") && m.contains("expands to 2 layers but num_layers is 3"), "\(m)")
        m = error(#"{"model_type": "gpt_neo", "num_layers": 1, "attention_types": [[["sparse"], 1]]}"#)
        #expect(m.contains("unknown attention kind \"sparse\""), "\(m)")
        m = error(#"{"model_type": "llama", "num_attention_heads": 6, "num_key_value_heads": 4, "hidden_size": 24}"#)
        #expect(m.contains("num_key_value_heads") && m.contains("does not divide"), "\(m)")
        m = error(#"{"model_type": "opt", "torch_dtype": "float8"}"#)
        #expect(m.contains("unknown dtype 'float8'"), "\(m)")

        let missing = #expect(throws: ConfigError.self) { try ModelConfig.load(path: "/nonexistent/config.json") }
        #expect(missing?.description.contains("/nonexistent/config.json") == true)
    }

    @Test func attributeMapAliases() throws {
        // GPT2Config(hidden_size=64, num_attention_heads=4) sets n_embd and n_head, and the
        // aliases are not written back.
        let object = try JSONValue.parse(#"{"model_type": "gpt2", "hidden_size": 64, "num_attention_heads": 4}"#).objectValue!
        let config = try ModelConfig(object, source: "x")
        #expect(config.hiddenSize == 64 && config.numHeads == 4)
        #expect(!config.jsonText().contains("hidden_size") && config.jsonText().contains("\"n_embd\": 64"))
        let neo = try ModelConfig(try JSONValue.parse(#"{"model_type": "gpt_neo", "num_hidden_layers": 2, "attention_types": [[["global", "local"], 1]]}"#).objectValue!, source: "x")
        #expect(neo.numLayers == 2)
    }

    @Test func editedFieldsAreWrittenBack() throws {
        guard case var .llama(llama) = try ModelConfig.load(path: ModelFixtures.directory("llama")) else {
            Issue.record("not Llama"); return
        }
        llama.vocabSize = 128
        llama.dtype = .BF16
        llama.eosTokenId = .many([2, 5])
        let text = ModelConfig.llama(llama).jsonText()
        #expect(text.hasSuffix("\"vocab_size\": 128\n}\n"))
        #expect(text.contains("\"dtype\": \"bfloat16\","))
        #expect(text.contains("\"eos_token_id\": [\n    2,\n    5\n  ],"))
        let reread = try ModelConfig(try JSONValue.parse(text).objectValue!, source: "x")
        #expect(reread.vocabSize == 128 && reread.dtype == .BF16 && reread.eosTokenId == .many([2, 5]))
    }
}
