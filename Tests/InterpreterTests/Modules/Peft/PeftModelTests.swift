import Foundation
import Testing
@testable import Interpreter

/// What the PEFT golden scripts cannot show (PEFT's random numbers are torch's, not ours):
/// LoRA init follows the script's seed, init_lora_weights=False changes the output, options
/// sftnb does not implement raise, task_type=None saves PEFT's auto_mapping, and the Swift API
/// the trainer binding uses.
@Suite struct PeftModelTests {
    static let tinyModel = ModuleGoldenTests.directory.appendingPathComponent("tiny-model").path

    static func run(_ body: String) -> ScriptRun {
        let source = """
        import torch
        from transformers import AutoModelForCausalLM
        from peft import LoraConfig, get_peft_model, PeftModel
        ids = torch.tensor([[5, 6, 7, 8, 9]])
        def lora_loss(seed, **kw):
            torch.manual_seed(seed)
            m = get_peft_model(AutoModelForCausalLM.from_pretrained(TINY), LoraConfig(r=4, init_lora_weights=False, **kw))
            return m(input_ids=ids, labels=ids).loss.item()

        """.replacingOccurrences(of: "TINY", with: "'\(tinyModel)'") + body
        return ScriptRun.run(source)
    }

    @Test func loraInitFollowsTheScriptSeed() {
        let r = Self.run("""
        base = AutoModelForCausalLM.from_pretrained(TINY)(input_ids=ids, labels=ids).loss.item()
        a, b, c = lora_loss(1), lora_loss(1), lora_loss(2)
        print(a == b, a != c, a != base)
        """.replacingOccurrences(of: "TINY", with: "'\(Self.tinyModel)'"))
        #expect(r.stdout == "True True True\n", "\(r.stderr)")
    }

    @Test(arguments: [
        ("layers_to_transform=[0]", "layers_to_transform"), ("modules_to_save=['lm_head']", "modules_to_save"),
        ("task_type='SEQ_CLS'", "task_type"),
    ])
    func unsupportedOptionsRaiseNotImplemented(_ option: (String, String)) {
        let r = Self.run("""
        try:
            lora_loss(0, \(option.0))
        except NotImplementedError as e:
            print("NotImplementedError", "\(option.1)" in str(e))
        """)
        #expect(r.stdout == "NotImplementedError True\n", "\(r.stdout) \(r.stderr)")
    }

    @Test func noTaskTypeSavesAutoMappingAndLoadsAsPeftModel() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-peft-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = Self.run("""
        m = get_peft_model(AutoModelForCausalLM.from_pretrained(TINY), LoraConfig(r=2, target_modules=["c_fc", "c_attn"]))
        m.save_pretrained('\(dir)')
        loaded = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(TINY), '\(dir)', is_trainable=True)
        print(type(loaded).__name__, loaded.get_nb_trainable_parameters() == m.get_nb_trainable_parameters())
        """.replacingOccurrences(of: "TINY", with: "'\(Self.tinyModel)'"))
        #expect(r.stdout == "PeftModel True\n", "\(r.stderr)")
        let config = try String(contentsOfFile: dir + "/adapter_config.json", encoding: .utf8)
        #expect(config.contains("\"auto_mapping\": {\n    \"base_model_class\": \"GPT2LMHeadModel\",\n    \"parent_library\": \"transformers.models.gpt2.modeling_gpt2\"\n  },"))
        #expect(config.contains("\"target_modules\": [\n    \"c_attn\",\n    \"c_fc\"\n  ],"))
    }

    @Test func swiftAPIUnwrapsPeftModelsAndConvertsConfigs() throws {
        let collector = OutputCollector()
        let session = Session(argv: ["t.py"], output: collector.append)
        _ = session.runSource("""
        from transformers import AutoModelForCausalLM
        from peft import LoraConfig
        model = AutoModelForCausalLM.from_pretrained('\(Self.tinyModel)')
        config = LoraConfig(r=16, lora_alpha=32, lora_dropout=0.1, target_modules=["c_attn"], use_rslora=True)
        """, name: "t.py")
        let rt = session.rt
        let config = try #require(rt.mainNamespace.values["config"])
        let lora = try rt.engineLoRAConfig(config)
        #expect(lora.r == 16 && lora.alpha == 32 && lora.dropout == 0.1 && lora.useRSLoRA && lora.targets == .names(["c_attn"]))
        let model = try rt.engineModel(try #require(rt.mainNamespace.values["model"]), "model")
        let peft = try getPeftModel(rt, model, config)
        #expect(try rt.engineModel(peft, "model") === model)
        #expect(model.model.lora != nil)
        #expect(throws: PyError.self) { try rt.engineModel(.int(3), "model") }
    }

    @Test func autoPeftModelLoadsTheBaseModelTheAdapterNames() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-autopeft-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = Self.run("""
        from peft import AutoPeftModelForCausalLM, PeftModelForCausalLM
        m = get_peft_model(AutoModelForCausalLM.from_pretrained(TINY), LoraConfig(r=2, init_lora_weights=False))
        m.eval()
        expected = m(input_ids=ids, labels=ids).loss.item()
        m.save_pretrained('\(dir)')
        loaded = AutoPeftModelForCausalLM.from_pretrained('\(dir)')
        print(type(loaded).__name__, loaded.training, loaded(input_ids=ids, labels=ids).loss.item() == expected)
        print(type(PeftModelForCausalLM.from_pretrained(AutoModelForCausalLM.from_pretrained(TINY), '\(dir)')).__name__)
        try:
            AutoPeftModelForCausalLM.from_pretrained('\(dir)/missing')
        except ValueError as e:
            print("ValueError", "adapter_config.json" in str(e))
        """.replacingOccurrences(of: "TINY", with: "'\(Self.tinyModel)'"))
        #expect(r.stdout == "PeftModelForCausalLM False True\nPeftModelForCausalLM\nValueError True\n", "\(r.stderr)")
    }
}
