import Foundation
import Testing
@testable import Interpreter

/// What the `trl_` golden scripts cannot show (they compare with TRL 1.16, which has neither
/// the 2024 API nor sftnb's extra care): 2024 batched formatting functions, the 2024 collator
/// and its character-offset template search, clear errors for wrong input, checkpoints and
/// resuming, and LoRA through `peft_config`.
@Suite struct SFTTrainerBindingTests {
    static let modules = ModuleGoldenTests.directory.path

    static func run(_ body: String) -> ScriptRun {
        let prelude = """
        from datasets import Dataset
        from transformers import AutoTokenizer
        from trl import SFTConfig, SFTTrainer, DataCollatorForCompletionOnlyLM
        tok = AutoTokenizer.from_pretrained("MODULES/tiny-tokenizer")
        LM = "MODULES/tiny-lm"
        qa = Dataset.from_dict({"question": ["What is the capital of France?", "How are you today?"],
                                "answer": ["Paris.", "Fine, thank you."]})
        def config(**kw):
            base = dict(output_dir="OUT", max_steps=2, per_device_train_batch_size=2, logging_steps=1, max_length=32,
                        save_strategy="no", report_to="none", disable_tqdm=True)
            base.update(kw)
            return SFTConfig(**base)

        """
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sftnb-trl-\(UUID().uuidString)").path
        let source = (prelude + body).replacingOccurrences(of: "MODULES", with: modules).replacingOccurrences(of: "OUT", with: out)
        defer { try? FileManager.default.removeItem(atPath: out) }
        return ScriptRun.run(source)
    }

    @Test func batchedAndPerExampleFormattingGiveTheSameData() {
        let r = Self.run("""
        def one(example):
            return f"Q: {example['question']}\\nA: {example['answer']}"
        def batch(examples):
            return [f"Q: {q}\\nA: {a}" for q, a in zip(examples["question"], examples["answer"])]
        a = SFTTrainer(model=LM, args=config(), train_dataset=qa, processing_class=tok, formatting_func=one)
        b = SFTTrainer(model=LM, args=config(), train_dataset=qa, processing_class=tok, formatting_func=batch)
        print(a.train_dataset["input_ids"] == b.train_dataset["input_ids"], a.train_dataset["text"][0])
        """)
        #expect(r.stdout == "True Q: What is the capital of France?\nA: Paris.<|im_end|>\n", "\(r.stderr)")
    }

    @Test func bf16MixedPrecisionIsRefusedNotIgnored() {
        // TRL's default bf16=True would mean autocast; sftnb defaults to float32 and refuses an
        // explicit request rather than silently computing something else.
        let r = Self.run("""
        print(config().bf16)
        for kw in ({"bf16": True}, {"bf16_full_eval": True}):
            try:
                config(**kw)
            except NotImplementedError as e:
                print(type(e).__name__, str(e).startswith("bf16=True (bf16 mixed-precision autocast) is not supported"))
        """)
        #expect(r.stdout == "False\nNotImplementedError True\nNotImplementedError True\n", "\(r.stdout)\(r.stderr)")
    }

    @Test func formattingFunctionReturningTheWrongTypeSaysSo() {
        let r = Self.run("""
        try:
            SFTTrainer(model=LM, args=config(), train_dataset=qa, processing_class=tok, formatting_func=lambda ex: 42)
        except TypeError as e:
            print(e)
        """)
        #expect(r.stdout.contains("formatting_func must return a str for one example (or a list of str for a batch), but it returned 'int'"), "\(r.stdout)\(r.stderr)")
    }

    @Test func completionOnlyCollatorMasksUpToTheResponseAndFindsTemplatesByCharacters() {
        // " Answer:" tokenized alone differs from "\\nAnswer:" inside the text; 2024 TRL would
        // warn and ignore the row, sftnb finds it by characters.
        let r = Self.run("""
        tok.pad_token = tok.eos_token
        collator = DataCollatorForCompletionOnlyLM("Answer:", tokenizer=tok)
        rows = [tok("Question: hello there\\nAnswer: fine")["input_ids"], tok("Answer: yes")["input_ids"]]
        batch = collator(rows)
        for ids, labels in zip(batch["input_ids"].tolist(), batch["labels"].tolist()):
            print(repr(tok.decode([i for i, l in zip(ids, labels) if l != -100])))
        try:
            SFTTrainer(model=LM, args=config(packing=True), train_dataset=qa, processing_class=tok, data_collator=collator,
                       formatting_func=lambda ex: ex["question"])
        except ValueError as e:
            print(e)
        """)
        #expect(r.stdout == "' fine'\n' yes'\nYou passed a `DataCollatorForCompletionOnlyLM` to the SFTTrainer. This is not compatible with the `packing` argument.\n", "\(r.stdout)\(r.stderr)")
    }

    @Test func collatorWarnsWhenTheResponseTemplateIsMissing() {
        let r = Self.run("""
        tok.pad_token = tok.eos_token
        collator = DataCollatorForCompletionOnlyLM("### Reply:", tokenizer=tok)
        print(collator([tok("no template here")["input_ids"]])["labels"].tolist())
        """)
        #expect(r.stdout.hasPrefix("[[-100, -100"), "\(r.stdout)")
        #expect(r.stderr.contains("Could not find response key `### Reply:` in the following instance: no template here"), "\(r.stderr)")
    }

    @Test func legacyKeywordArgumentsOverrideTheConfigWithAWarning() {
        let r = Self.run("""
        texts = Dataset.from_dict({"body": ["Hello world! Hello there, how are you today?"] * 2})
        t = SFTTrainer(model=LM, args=config(), train_dataset=texts, tokenizer=tok, dataset_text_field="body", max_seq_length=5)
        print(t.args.max_length, t.args.dataset_text_field, len(t.train_dataset[0]["input_ids"]))
        """)
        #expect(r.stdout == "5 body 5\n", "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("You passed a `max_seq_length` argument to the SFTTrainer"))
    }

    @Test func checkpointsAndResumeContinueTheSameRun() {
        let r = Self.run("""
        import os
        straight = SFTTrainer(model=LM, args=config(max_steps=4, save_strategy="steps", save_steps=2), train_dataset=qa,
                              processing_class=tok, formatting_func=lambda ex: ex["question"] + " " + ex["answer"])
        straight.train()
        print(sorted(os.listdir("OUT")))
        again = SFTTrainer(model=LM, args=config(max_steps=4), train_dataset=qa, processing_class=tok,
                           formatting_func=lambda ex: ex["question"] + " " + ex["answer"])
        again.train(resume_from_checkpoint="OUT/checkpoint-2")
        losses = lambda t: [h["loss"] for h in t.state.log_history if "loss" in h]
        print(losses(straight) == losses(again), len(losses(again)))
        try:
            SFTTrainer(model=LM, args=config(output_dir="OUT/none"), train_dataset=qa, processing_class=tok,
                       formatting_func=lambda ex: ex["question"]).train(resume_from_checkpoint=True)
        except ValueError as e:
            print(e)
        """)
        let out = r.stdout.components(separatedBy: "\n").filter { !$0.hasPrefix("{") }
        #expect(out.first == "['checkpoint-2', 'checkpoint-4']", "\(r.stdout)\(r.stderr)")
        #expect(out.count > 1 && out[1] == "True 4", "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("No valid checkpoint found in output directory ("))
    }

    @Test func peftConfigTrainsOnlyTheAdapter() {
        let r = Self.run("""
        import os
        from peft import LoraConfig
        t = SFTTrainer(model=LM, args=config(), train_dataset=qa, processing_class=tok,
                       peft_config=LoraConfig(r=2, task_type="CAUSAL_LM"), formatting_func=lambda ex: ex["question"])
        print(type(t.model).__name__)
        t.train()
        t.save_model("OUT/adapter")
        print(sorted(f for f in os.listdir("OUT/adapter") if f.startswith("adapter")))
        try:
            SFTTrainer(model=t.model, args=config(), train_dataset=qa, processing_class=tok, peft_config=LoraConfig(r=2),
                       formatting_func=lambda ex: ex["question"])
        except ValueError as e:
            print(str(e)[:60])
        """)
        let lines = r.stdout.components(separatedBy: "\n").filter { !$0.hasPrefix("{") }.joined(separator: "\n")
        #expect(lines == "PeftModelForCausalLM\n['adapter_config.json', 'adapter_model.safetensors']\nYou passed a `PeftModel` instance together with a `peft_conf\n", "\(r.stdout)\(r.stderr)")
    }

    @Test func divergingTrainingStopsWithTheStepAndAHint() {
        let r = Self.run("""
        t = SFTTrainer(model=LM, args=config(max_steps=6, learning_rate=1e30), train_dataset=qa, processing_class=tok,
                       formatting_func=lambda ex: ex["question"])
        try:
            t.train()
        except RuntimeError as e:
            print(e)
        """)
        #expect(r.stdout.contains(" at step "), "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("learning_rate"), "\(r.stdout)")
    }

    @Test func unknownKeywordArgumentIsATypeError() {
        let r = Self.run("""
        try:
            SFTTrainer(model=LM, train_dataset=qa, processing_class=tok, max_seq_lenght=3)
        except TypeError as e:
            print(e)
        """)
        #expect(r.stdout == "SFTTrainer.__init__() got an unexpected keyword argument 'max_seq_lenght'\n", "\(r.stdout)\(r.stderr)")
    }
}
